import { Schema } from "effect"
import { EvidenceId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * What a confirmation confirms: `authorship`, that the earlier statement (or the statement making the
 * earlier claim) was the actor's own, and so what it says; `content`, that what it says holds, without
 * owning the statement (an audio pledge in the leader's voice renewing what a disputed statement said).
 */
export const Confirms = Schema.Literals(["authorship", "content"])
export type Confirms = typeof Confirms.Type

/**
 * An actor confirms, later, a statement or claim attributed to it (e.g. an audio pledge in the leader's
 * voice). Without `confirms`, a confirmation of a statement confirms its authorship and one of a claim its
 * content.
 */
export const confirmation = claimKind(
  "confirmation",
  { target: EvidenceId, confirms: Schema.optionalKey(Confirms) },
  {
    refers: { target: ["statements", "claims"] },
    describe: (claim, name) =>
      claim.confirms === "content"
        ? `that what ${name(claim.target)} says holds (a confirmation of its content)`
        : claim.confirms === "authorship"
          ? `that ${name(claim.target)} was its own (a confirmation of authorship)`
          : `that ${name(claim.target)} is confirmed`,
    proposition: (claim) => `confirmation:${claim.target}`
  }
)
