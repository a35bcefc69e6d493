/**
 * autocannon's `onResponse` for statement writes: the revision the write made (its ETag, `"r12"`)
 * is what the next write is based on. A refused write (412) names the head in its body; the next
 * write is based on that, so one refusal does not refuse every write after it.
 */
import type { WriteContext } from "./next-write.ts"
import { writeState } from "./write-state.ts"

const written = (
  status: number,
  body: string,
  _context: WriteContext,
  headers: Record<string, string | Array<string>> | undefined
): void => {
  const etag = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "etag")?.[1]
  const tagged = typeof etag === "string" ? /^"r(\d+)"$/.exec(etag) : null
  if (status === 201 && tagged !== null) {
    writeState.revision = Number(tagged[1])
    return
  }
  try {
    const problem = JSON.parse(body) as { revision?: unknown }
    if (typeof problem.revision === "number") writeState.revision = problem.revision
  } catch {
    // Not a problem this API gave: the next write tries the same revision again.
  }
}

export { written as "module.exports" }
