import { Schema } from "effect"
import type { ClaimKind } from "../claims/claim-kind.ts"
import { rememberAppend } from "./appended-cases.ts"
import { type CaseFile, caseFileOfCheckedParts } from "./case-file.ts"
import { modelOf } from "./case-model.ts"
import type { Claim } from "./claim.ts"
import { Observation } from "./observation.ts"
import { Statement } from "./statement.ts"

/** Statements, claims and observations to add to a case, after those it holds. */
export interface AppendedItems {
  readonly statements?: ReadonlyArray<Statement>
  readonly claims?: ReadonlyArray<Claim>
  readonly observations?: ReadonlyArray<Observation>
}

const isStatement = Schema.is(Statement)
const isObservation = Schema.is(Observation)
const claimChecks = new WeakMap<object, (value: unknown) => boolean>()

/**
 * The case with more statements, claims and observations after those it holds, sharing every item and
 * list it leaves alone. Building a case file anew checks and copies every item it holds (the claims of
 * a large case take a quarter of a second, and come out as copies); here only the added items are
 * checked, against the model (of `kinds`, when the case holds claims of more kinds than the built-in
 * ones). That each id is new and each reference points at an item of the case is for the case's
 * integrity check, as for any edit.
 */
export const appendToCase = (
  caseFile: CaseFile,
  items: AppendedItems,
  options: { readonly kinds?: ReadonlyArray<ClaimKind> | undefined } = {}
): CaseFile => {
  const check = <A extends { readonly id: string }>(
    section: string,
    added: ReadonlyArray<A> | undefined,
    is: (value: unknown) => boolean
  ): ReadonlyArray<A> => {
    for (const [at, item] of (added ?? []).entries())
      if (!is(item))
        throw new TypeError(
          `${section}[${at}] (${String(item?.id)}) is not a well-formed ${section.slice(0, -1)}`
        )
    return added ?? []
  }
  const statements = check("statements", items.statements, isStatement)
  const model = modelOf(options.kinds)
  let isClaim = claimChecks.get(model)
  if (isClaim === undefined) {
    isClaim = Schema.is(model.Claim)
    claimChecks.set(model, isClaim)
  }
  const claims = check("claims", items.claims, isClaim)
  const observations = check("observations", items.observations, isObservation)
  const next = caseFileOfCheckedParts({
    case: caseFile.case,
    actors: caseFile.actors,
    channels: caseFile.channels,
    sources: caseFile.sources,
    statements: statements.length === 0 ? caseFile.statements : caseFile.statements.concat(statements),
    claims: claims.length === 0 ? caseFile.claims : caseFile.claims.concat(claims),
    observations:
      observations.length === 0 ? caseFile.observations : caseFile.observations.concat(observations),
    relationships: caseFile.relationships,
    questions: caseFile.questions
  })
  rememberAppend(next, caseFile, { statements, claims, observations })
  return next
}
