// What the API load benchmark uses of autocannon 9 (which ships no types).
declare module "autocannon" {
  interface Histogram {
    readonly average: number
    readonly p50: number
    readonly p99: number
    readonly max: number
  }
  interface Request {
    readonly method?: string
    readonly path?: string
    readonly headers?: Record<string, string>
    readonly body?: string
    /** In workers mode, the path of a module whose `module.exports` is the function. */
    readonly setupRequest?: string
    readonly onResponse?: string
  }
  export interface Options {
    readonly url: string
    readonly connections?: number
    readonly duration?: number
    readonly maxOverallRequests?: number
    readonly workers?: number
    readonly headers?: Record<string, string>
    readonly method?: string
    readonly body?: string
    readonly requests?: ReadonlyArray<Request>
    readonly initialContext?: object
    readonly timeout?: number
  }
  export interface Result {
    readonly requests: Histogram & { readonly total: number; readonly sent: number }
    readonly latency: Histogram
    readonly duration: number
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
    readonly mismatches: number
    readonly statusCodeStats: Record<string, { readonly count: number }>
  }
  const autocannon: (options: Options, done: (error: unknown, result: Result) => void) => unknown
  export default autocannon
}
