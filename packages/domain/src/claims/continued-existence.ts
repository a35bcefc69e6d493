import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** An actor goes on existing, whatever was said of its end. */
export const continuedExistence = claimKind(
  "continued-existence",
  { actor: ActorId },
  {
    refers: { actor: "actors" },
    describe: (claim, name) => `that ${name(claim.actor)} goes on`,
    proposition: (claim) => `continued-existence:${claim.actor}`,
    activity: (claim) => ({ actor: claim.actor, description: "a claim that it goes on" })
  }
)
