/**
 * autocannon's `setupRequest` for statement writes (it runs in autocannon's worker thread, which
 * loads it by path): each request adds a statement of its own id, based on the revision the last
 * answer gave (`written.ts` keeps it), so every write is valid.
 */
import { writeState } from "./write-state.ts"

/** What the benchmark hands the run: the case's head when it starts, and what to write. */
export interface WriteContext {
  readonly revision: number
  /** Ids are `${prefix}-${n}`: fresh in the case. */
  readonly prefix: string
  /** An encoded statement of the case to copy, without its id. */
  readonly template: Record<string, unknown>
}

interface RawRequest {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
}

const nextWrite = (request: RawRequest, context: WriteContext): RawRequest => {
  writeState.n += 1
  writeState.revision ??= context.revision
  return {
    ...request,
    headers: {
      ...request.headers,
      "content-type": "application/json",
      "if-match": `"r${writeState.revision}"`
    },
    body: JSON.stringify({
      reason: "load test: a statement as it appears",
      item: { ...context.template, id: `${context.prefix}-${writeState.n}` }
    })
  }
}

// autocannon `require`s this file and calls what it gets.
export { nextWrite as "module.exports" }
