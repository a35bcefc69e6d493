/**
 * What the write run knows between requests, in autocannon's worker thread: autocannon gives each
 * request a fresh copy of the initial context (it starts its list of requests afresh every time), so
 * the revision and the count live here, in the one module `next-write.ts` and `written.ts` share.
 */
export const writeState: { revision: number | undefined; n: number } = { revision: undefined, n: 0 }
