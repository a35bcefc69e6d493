/**
 * Cursor pagination. A cursor names the last row a page ended on (by id), so that items added to
 * the case between two requests do not shift the next page; it is opaque to clients (base64url).
 */
import { problem } from "./problems.ts"

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  /** The cursor for the next page; absent on the last page. */
  readonly next?: string
  readonly total: number
}

export const defaultLimit = 50
export const maxLimit = 500

const encode = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")
const decode = (cursor: string) =>
  new TextDecoder("utf-8", { fatal: true }).decode(
    Uint8Array.from(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")), (char) => char.charCodeAt(0))
  )

export const cursorAfter = (id: string): string => encode(JSON.stringify({ after: id }))

/** The id a cursor names, or a 422 problem saying the cursor is not one this API gave. */
export const readCursor = (cursor: string) => {
  try {
    const value = JSON.parse(decode(cursor)) as { after?: unknown }
    if (typeof value.after === "string") return value.after
  } catch {
    // Fall through to the problem below.
  }
  throw problem(422, "The cursor is not one this API gave out: use the `next` of an earlier page.", {
    errors: [{ parameter: "cursor", detail: "Not a cursor from an earlier page." }]
  })
}

/** A limit as given in a query (a count from 1 to `maxLimit`), or a 422 problem. */
export const readLimit = (limit: string | undefined): number => {
  if (limit === undefined) return defaultLimit
  const value = Number(limit)
  if (!Number.isInteger(value) || value < 1 || value > maxLimit)
    throw problem(422, `The limit must be a whole number from 1 to ${maxLimit}.`, {
      errors: [
        { parameter: "limit", detail: `Expected a whole number from 1 to ${maxLimit}, got "${limit}".` }
      ]
    })
  return value
}

/**
 * One page of `rows`: those after the row the cursor names, at most `limit`. A cursor whose row is no
 * longer in the list (it was removed, or the filter changed) is refused rather than silently restarting.
 */
export const pageOf = <A>(
  rows: ReadonlyArray<A>,
  idOf: (row: A) => string,
  options: { readonly cursor?: string | undefined; readonly limit?: string | undefined }
): Page<A> => {
  const limit = readLimit(options.limit)
  let start = 0
  if (options.cursor !== undefined) {
    const after = readCursor(options.cursor)
    const at = rows.findIndex((row) => idOf(row) === after)
    if (at < 0)
      throw problem(
        422,
        "The row this cursor continues from is no longer in the list: start again without a cursor.",
        {
          errors: [{ parameter: "cursor", detail: "Its row is no longer in the list." }]
        }
      )
    start = at + 1
  }
  const items = rows.slice(start, start + limit)
  const last = items[items.length - 1]
  return {
    items,
    ...(start + limit < rows.length && last !== undefined ? { next: cursorAfter(idOf(last)) } : {}),
    total: rows.length
  }
}
