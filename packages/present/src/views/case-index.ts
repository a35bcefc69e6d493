import type { CaseFile } from "@allegiance/domain"

type Statement = CaseFile["statements"][number]
type Claim = CaseFile["claims"][number]
type Observation = CaseFile["observations"][number]

/**
 * A case's items by id, and the claims each statement makes: what the views of one case look up again
 * and again (labels, the sources behind an item, the attacks on a statement's claims, the disputes).
 * Built once per case and shared: a case of 100,000 statements holds hundreds of thousands of items, and
 * every view that indexed them itself made the brief index them five times over.
 */
export interface CaseIndex {
  readonly statements: ReadonlyMap<string, Statement>
  readonly claims: ReadonlyMap<string, Claim>
  readonly observations: ReadonlyMap<string, Observation>
  readonly channelHandles: ReadonlyMap<string, string>
  /** The statement that makes a claim, for a claim made by one. */
  readonly statementOfClaim: (claim: string) => string | undefined
  /**
   * The claims each of these statements makes, in the case's order: a view asks of a few statements
   * (a brief, of the two dozen it sets out), so one pass over the claims finds theirs, rather than an
   * index of every statement's claims being built for them.
   */
  readonly claimsOf: (statements: Iterable<string>) => ReadonlyMap<string, ReadonlyArray<string>>
}

const indexes = new WeakMap<CaseFile, CaseIndex>()

/** The index of a case, built when first asked for and kept while the case is. */
export const caseIndex = (caseFile: CaseFile): CaseIndex => {
  const known = indexes.get(caseFile)
  if (known !== undefined) return known
  const statements = new Map<string, Statement>()
  for (const statement of caseFile.statements) statements.set(statement.id, statement)
  const claims = new Map<string, Claim>()
  for (const claim of caseFile.claims) claims.set(claim.id, claim)
  const observations = new Map<string, Observation>()
  for (const observation of caseFile.observations) observations.set(observation.id, observation)
  const index: CaseIndex = {
    statements,
    claims,
    observations,
    channelHandles: new Map(caseFile.channels.map((channel) => [channel.id as string, channel.handle])),
    statementOfClaim: (id) => {
      const claim = claims.get(id)
      return claim !== undefined && "statement" in claim.madeBy ? claim.madeBy.statement : undefined
    },
    claimsOf: (wanted) => {
      const lists = new Map<string, Array<string>>()
      for (const statement of wanted) lists.set(statement, [])
      if (lists.size > 0)
        for (const claim of caseFile.claims)
          if ("statement" in claim.madeBy) lists.get(claim.madeBy.statement)?.push(claim.id)
      return lists
    }
  }
  indexes.set(caseFile, index)
  return index
}
