/**
 * @allegiance/client: the edge API for edge clients (dashboards, bots, a terminal UI over HTTP).
 * `allegianceClient` is Hono's `hc` over the app's own type, so every route, parameter and body is
 * typed as the server declares it; `verdictEvents` follows a case's event stream, resuming with
 * `Last-Event-ID` after a dropped connection.
 *
 *   const api = allegianceClient("http://127.0.0.1:8787", { token })
 *   const res = await api.cases[":case"].verdicts[":id"].$get({ param: { case: "jai", id: "st-449" }, query: { asOf: "2015-01-09" } })
 *   await api.cases[":case"].statements.$post({ param: { case: "jai" }, json: { reason, item } }, { headers: { "if-match": etag } })
 *   await api.cases[":case"].revisions[":revision"].undo.$post({ param: { case: "jai", revision: "7" }, json: { reason } })
 */
import type { App } from "@allegiance/api"
import { hc } from "hono/client"

export interface ClientOptions {
  /** A token from `allegiance token create`. */
  readonly token: string
  readonly fetch?: typeof fetch | undefined
}

export const allegianceClient = (baseUrl: string, options: ClientOptions) =>
  hc<App>(baseUrl, {
    headers: { authorization: `Bearer ${options.token}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch })
  })

export type AllegianceClient = ReturnType<typeof allegianceClient>

/** One event of a case's stream: `ready` when subscribed, `verdicts` after each write, `reset` when too much was missed. */
export interface CaseEvent {
  readonly event: "ready" | "verdicts" | "reset"
  /** The revision the event is about (its SSE id). */
  readonly id: string
  readonly data: {
    readonly revision: number
    readonly asOf: string
    readonly author?: string
    readonly reason?: string
    readonly changes?: ReadonlyArray<{
      readonly id: string
      readonly subject: string
      readonly about: string
      readonly from: string
      readonly to: string
    }>
  }
}

/**
 * Follows `/cases/{case}/events` until `signal` aborts, calling `onEvent` for each event. A dropped
 * connection is opened again after `retryMs` with the last event's id, so no write is missed.
 */
export const verdictEvents = async (
  baseUrl: string,
  caseName: string,
  options: ClientOptions & {
    readonly onEvent: (event: CaseEvent) => void
    readonly signal: AbortSignal
    readonly asOf?: string | undefined
    readonly lastEventId?: string | undefined
    readonly retryMs?: number | undefined
  }
): Promise<void> => {
  let lastEventId = options.lastEventId
  const url = new URL(`/cases/${encodeURIComponent(caseName)}/events`, baseUrl)
  if (options.asOf !== undefined) url.searchParams.set("asOf", options.asOf)
  while (!options.signal.aborted) {
    try {
      const response = await (options.fetch ?? fetch)(url, {
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: "text/event-stream",
          ...(lastEventId === undefined ? {} : { "last-event-id": lastEventId })
        },
        signal: options.signal
      })
      if (!response.ok || response.body === null) {
        const problem = await response.text()
        throw new Error(`The event stream was refused (${response.status}): ${problem}`)
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ""
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let end = buffer.indexOf("\n\n")
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf("\n\n")
          const fields = new Map<string, string>()
          for (const line of block.split("\n")) {
            if (line.startsWith(":") || line === "") continue
            const colon = line.indexOf(":")
            const name = colon < 0 ? line : line.slice(0, colon)
            const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "")
            fields.set(name, fields.has(name) && name === "data" ? `${fields.get(name)}\n${text}` : text)
          }
          if (!fields.has("data")) continue
          const id = fields.get("id") ?? lastEventId ?? ""
          lastEventId = id
          options.onEvent({
            event: (fields.get("event") ?? "message") as CaseEvent["event"],
            id,
            data: JSON.parse(fields.get("data")!)
          })
        }
      }
    } catch (error) {
      if (options.signal.aborted) return
      if (error instanceof Error && error.message.startsWith("The event stream was refused")) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 1000))
  }
}
