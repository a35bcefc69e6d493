import type { Status } from "@allegiance/domain"

/**
 * How a status is shown: a word, a letter and a symbol that say it without colour (a terminal without
 * colour, a printed brief, a colour-blind reader), and a tone that renderers map to a colour.
 */
export interface Badge {
  readonly status: Status | "not-yet-known"
  readonly word: string
  readonly letter: string
  readonly symbol: string
  readonly tone: "good" | "bad" | "mixed" | "quiet"
}

const badges: { readonly [S in Badge["status"]]: Badge } = {
  established: { status: "established", word: "established", letter: "E", symbol: "✔", tone: "good" },
  refuted: { status: "refuted", word: "refuted", letter: "R", symbol: "✘", tone: "bad" },
  contested: { status: "contested", word: "contested", letter: "C", symbol: "±", tone: "mixed" },
  unsupported: { status: "unsupported", word: "unsupported", letter: "U", symbol: "?", tone: "quiet" },
  "not-yet-known": { status: "not-yet-known", word: "not yet known", letter: "-", symbol: "·", tone: "quiet" }
}

/** The badge of a status; without one, the item was not yet known on the as-of day. */
export const badgeOf = (status: Status | undefined): Badge => badges[status ?? "not-yet-known"]

/** Every badge, in the order a legend lists them. */
export const allBadges: ReadonlyArray<Badge> = Object.values(badges)
