/**
 * Entity tags and preconditions. Every representation of a case is tagged with the case revision it
 * was read at (`"r12"`, and the as-of day for views that depend on it: `"r12;2015-01-09"`); a write
 * names in `If-Match` the revision it was based on, and is refused when the case has moved on.
 */

/** The strong entity tag of a representation read at `revision`, for a variant of it (an as-of day, a page). */
export const etagOf = (revision: number, variant?: string): string =>
  `"r${revision}${variant === undefined || variant === "" ? "" : `;${variant}`}"`

export type Precondition =
  | { readonly kind: "none" }
  | { readonly kind: "any" }
  | { readonly kind: "revision"; readonly revision: number }
  | { readonly kind: "unreadable"; readonly given: string }

/** What an `If-Match` header asks: any current case (`*`), or the case as of the revision its tag names. */
export const readIfMatch = (header: string | undefined): Precondition => {
  if (header === undefined || header.trim() === "") return { kind: "none" }
  const value = header.trim()
  if (value === "*") return { kind: "any" }
  const tags = value.split(",").map((tag) => tag.trim())
  const revisions = new Set<number>()
  for (const tag of tags) {
    const match = /^(?:W\/)?"r(\d{1,15})(?:;[^"]*)?"$/.exec(tag) ?? /^(\d{1,15})$/.exec(tag)
    if (match === null) return { kind: "unreadable", given: value }
    revisions.add(Number(match[1]))
  }
  // A write is based on one revision; several tags naming different ones cannot all hold.
  return revisions.size === 1
    ? { kind: "revision", revision: [...revisions][0]! }
    : { kind: "unreadable", given: value }
}

/** Whether `If-None-Match` already holds the representation tagged `etag` (weak comparison, as RFC 9110 says). */
export const noneMatchHolds = (header: string | undefined | null, etag: string): boolean => {
  if (header === undefined || header === null) return false
  // What a client that kept the answer sends back: the tag itself.
  if (header === etag) return true
  if (header.trim() === "*") return true
  const wanted = bareTag(etag, 0, etag.length)
  let start = 0
  while (start <= header.length) {
    let end = header.indexOf(",", start)
    if (end < 0) end = header.length
    if (bareTag(header, start, end) === wanted) return true
    start = end + 1
  }
  return false
}

const isWhitespace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13

/** The tag between `start` and `end` of `text`, without the whitespace around it or its weak mark (`W/`). */
const bareTag = (text: string, start: number, end: number): string => {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--
  if (text.startsWith("W/", start)) start += 2
  return text.slice(start, end)
}
