import type { ClaimInput } from "./world.ts"

/** A claim without the fields the generator fills in for every claim alike (id, who made it, citation). */
export type ClaimContent = ClaimInput extends infer C
  ? C extends unknown
    ? Omit<C, "id" | "madeBy" | "cites">
    : never
  : never

/** A statement seen earlier on one unit's channels: what later claims of the same unit can point at. */
export interface RecentStatement {
  readonly statement: string
  readonly channel: number
  readonly day: number
  /** The first claim the statement made, for denials of a claim rather than a whole statement. */
  readonly firstClaim: string | undefined
}

/** How many earlier statements per unit stay in reach: conflicts are about the recent past. */
export const RECENT_LIMIT = 16

export const remember = (
  recent: Map<number, Array<RecentStatement>>,
  unit: number,
  item: RecentStatement
) => {
  const list = recent.get(unit)
  if (list === undefined) recent.set(unit, [item])
  else {
    list.push(item)
    if (list.length > RECENT_LIMIT) list.shift()
  }
}
