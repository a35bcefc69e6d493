/**
 * What each path answers with, and whether a request's Accept header takes it: the negotiation
 * middleware refuses what it does not (406), and the cached reads hand such a request to it.
 */

/** What media type a path answers with. */
export const producedAt = (path: string): ReadonlyArray<string> =>
  path.endsWith("/events")
    ? ["text/event-stream"]
    : path.endsWith("/export")
      ? ["application/yaml", "text/yaml", "text/plain"]
      : path.endsWith("/brief")
        ? ["text/markdown", "text/plain"]
        : path === "/docs" || path === "/docs/"
          ? ["text/html"]
          : path === "/docs/scalar.js"
            ? ["text/javascript", "application/javascript"]
            : ["application/json", "application/problem+json"]

export const accepts = (accept: string, offered: ReadonlyArray<string>) =>
  accept.split(",").some((range) => {
    const [type = "", ...params] = range.trim().toLowerCase().split(";")
    if (params.some((param) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(param))) return false
    const wanted = type.trim()
    return offered.some(
      (media) =>
        wanted === "*/*" ||
        wanted === media ||
        (wanted.endsWith("/*") && media.startsWith(wanted.slice(0, -1)))
    )
  })
