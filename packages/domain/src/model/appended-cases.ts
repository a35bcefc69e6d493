/**
 * Which cases were made by appending items to another, and what was appended. Telling that a case only
 * appends to another by comparing them goes through every statement and claim of both (a quarter of a
 * million items in a large case), on every save; a case made by an append says so at once.
 *
 * A case holds the one it was appended to only weakly: a line of saves does not keep every earlier case
 * alive. Where an earlier case is gone, nothing is known of it, and the comparison is made as before.
 */
import type { CaseFile } from "./case-file.ts"
import type { Claim } from "./claim.ts"
import type { Observation } from "./observation.ts"
import type { Statement } from "./statement.ts"

export interface AppendedLists {
  readonly statements: ReadonlyArray<Statement>
  readonly claims: ReadonlyArray<Claim>
  readonly observations: ReadonlyArray<Observation>
}

interface Append {
  readonly base: WeakRef<CaseFile>
  readonly appended: AppendedLists
}

const appends = new WeakMap<CaseFile, Append>()

/**
 * Records that `next` is `base` with `appended` after its statements, claims and observations, every
 * other part the very same. Only a maker of such a case says so.
 */
export const rememberAppend = (next: CaseFile, base: CaseFile, appended: AppendedLists): void => {
  appends.set(next, { base: new WeakRef(base), appended })
}

/** How many appends back a case is followed: past that, the comparison costs no more than the walk. */
const longestLine = 256

/**
 * What `next` appends to `before`, where `next` was made from it by appends (one or more) that were
 * recorded; else undefined (which says nothing: it may still only append).
 */
export const appendedSince = (next: CaseFile, before: CaseFile): AppendedLists | undefined => {
  const line: Array<AppendedLists> = []
  let at: CaseFile | undefined = next
  while (at !== before) {
    const append: Append | undefined = at === undefined ? undefined : appends.get(at)
    if (append === undefined || line.length === longestLine) return undefined
    line.push(append.appended)
    at = append.base.deref()
  }
  if (line.length === 1) return line[0]
  const joined = {
    statements: [] as Array<Statement>,
    claims: [] as Array<Claim>,
    observations: [] as Array<Observation>
  }
  for (let step = line.length - 1; step >= 0; step--) {
    const append = line[step]!
    joined.statements.push(...append.statements)
    joined.claims.push(...append.claims)
    joined.observations.push(...append.observations)
  }
  return joined
}
