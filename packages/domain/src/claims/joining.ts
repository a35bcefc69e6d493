import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * An actor joins an umbrella or a coalition and keeps its own name: a member of it, not merged into it.
 * Unlike a merger it ends nothing, so the member's later activity does not contradict it; and it counts
 * against a hypothesis that the member merged or dissolved.
 */
export const joining = claimKind(
  "joining",
  { member: ActorId, umbrella: ActorId },
  {
    refers: { member: "actors", umbrella: "actors" },
    describe: (claim, name) =>
      `that ${name(claim.member)} joined ${name(claim.umbrella)}, keeping its own name`,
    proposition: (claim) => `joining:${claim.member}>${claim.umbrella}`,
    shape: (claim) => `joining:>${claim.umbrella}`,
    decision: true,
    relationship: { kind: "member-of", between: (claim) => [claim.member, claim.umbrella] },
    against: (claim, expectation, _view, name) =>
      (expectation.kind === "merger" && expectation.absorbed === claim.member) ||
      (expectation.kind === "dissolution" && expectation.actor === claim.member)
        ? `it says ${name(claim.member)} joined ${name(claim.umbrella)} keeping its own name, not that it ended`
        : undefined
  }
)
