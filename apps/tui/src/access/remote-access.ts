/**
 * `CaseAccess` over the HTTP API of `allegiance serve`, through its typed client: the server reads,
 * reasons and writes; this side holds the case's outline (what the lists show) and the day's views it
 * is sent. Writes carry their reason and the revision they are based on (`If-Match`); a 412 is another
 * writer's revision, named as the store names it. Revisions others save are heard on the case's event
 * stream.
 */
import { allegianceClient, verdictEvents } from "@allegiance/client"
import type { IsoDay } from "@allegiance/domain"
import {
  type AsOfView,
  type CaseOutline,
  type EvidenceSection,
  type ItemDetail,
  outlineLookup,
  outlineWithItem,
  type RevisionFacts
} from "@allegiance/present"
import type {
  AccessProblem,
  CaseAccess,
  Evaluated,
  HistoryProgress,
  ItemBody,
  Outcome,
  Outlined,
  RevisionStamp,
  ViewRows
} from "./case-access.ts"

export interface RemoteAccessOptions {
  /** The server's address: `http://127.0.0.1:8787`. */
  readonly baseUrl: string
  /** A token from `allegiance token create` (read to look, write to save). */
  readonly token: string
  readonly caseName: string
  readonly fetch?: typeof fetch | undefined
}

interface ProblemBody {
  readonly status?: number
  readonly detail?: string
  readonly errors?: ReadonlyArray<{
    readonly detail: string
    readonly pointer?: string
    readonly parameter?: string
  }>
  readonly revision?: number
  readonly author?: string
  readonly at?: string
}

const stampOf = (revision: {
  number: number
  author: string
  at: string
  reason: string
}): RevisionStamp => ({
  number: revision.number,
  author: revision.author,
  at: revision.at,
  reason: revision.reason
})

export const remoteAccess = (options: RemoteAccessOptions): CaseAccess => {
  const api = allegianceClient(options.baseUrl, { token: options.token, fetch: options.fetch })
  const kase = api.cases[":case"]
  const param = { case: options.caseName }
  const where = `${options.baseUrl} (case ${options.caseName})`
  /** The outline this side holds, and the revision it is of. */
  let outlined: Outlined | undefined
  /** The day the views were last asked for, to say what changed since. */
  let lastDay: IsoDay | undefined
  /** Writes under way, and the revisions this side saved: not news when the event stream tells of them. */
  let writing: Promise<unknown> = Promise.resolve()
  const ours = new Set<number>()
  const watchers = new Set<AbortController>()

  const problemOf = async (response: Response): Promise<AccessProblem> => {
    let body: ProblemBody = {}
    try {
      body = (await response.json()) as ProblemBody
    } catch {
      // Not a problem document: said by its status below.
    }
    const detail = body.detail ?? `The server at ${options.baseUrl} answered ${response.status}.`
    if (response.status === 412 && body.author !== undefined)
      return {
        kind: "conflict",
        message: detail,
        by: body.author,
        at: body.at ?? "",
        head: body.revision ?? 0
      }
    if (response.status === 422 || response.status === 409)
      return {
        kind: "refused",
        message: detail,
        problems: (body.errors ?? []).map((error) =>
          error.pointer === undefined
            ? error.detail
            : `${error.pointer.replace(/^\/item\//, "").replaceAll("/", ".")}: ${error.detail}`
        )
      }
    if (response.status === 401 || response.status === 403)
      return { kind: "failed", message: `${detail} (the token given with --token does not allow it)` }
    return { kind: "failed", message: detail }
  }
  /** A request to the server: its JSON body, `missing()` when there is no such thing (404), or what went wrong, in words. */
  const call = async <A>(send: () => Promise<Response>, missing?: () => A): Promise<Outcome<A>> => {
    let response: Response
    try {
      response = await send()
    } catch (error) {
      return {
        ok: false,
        problem: {
          kind: "failed",
          message: `The server at ${options.baseUrl} cannot be reached (${error instanceof Error ? error.message : String(error)}); is allegiance serve running there?`
        }
      }
    }
    if (response.status === 404 && missing !== undefined) return { ok: true, value: missing() }
    if (!response.ok) return { ok: false, problem: await problemOf(response) }
    return { ok: true, value: (await response.json()) as A }
  }
  const at = () => (outlined === undefined ? {} : { revision: String(outlined.revision.number) })

  const readOutline = async (): Promise<Outcome<Outlined>> => {
    const read = await call<{ outline: CaseOutline; revision: RevisionStamp }>(() =>
      kase.outline.$get({ param, query: {} } as never)
    )
    if (!read.ok) return read
    outlined = { revision: stampOf(read.value.revision), outline: read.value.outline }
    return { ok: true, value: outlined }
  }
  const views = async (asOf: IsoDay, since: IsoDay | undefined): Promise<Outcome<Evaluated>> => {
    const read = await call<{ view: AsOfView; revision: number }>(() =>
      kase.views.$get({
        param,
        query: { asOf, ...at(), ...(since === undefined || since === asOf ? {} : { since }) }
      } as never)
    )
    if (!read.ok) return read
    lastDay = asOf
    return { ok: true, value: { revision: read.value.revision, view: read.value.view } }
  }
  /** Runs a write; the event stream waits for it before telling of revisions. */
  const write = <A>(run: () => Promise<A>): Promise<A> => {
    const done = writing.then(run, run)
    writing = done.catch(() => undefined)
    return done
  }

  return {
    location: where,
    open: async () => {
      const read = await call<{ name: string; revision: RevisionStamp }>(() => kase.$get({ param } as never))
      if (!read.ok) return read
      return { ok: true, value: { caseName: read.value.name, revision: stampOf(read.value.revision) } }
    },
    outline: readOutline,
    evaluate: (asOf) => views(asOf, lastDay),
    rows: async <K extends keyof ViewRows>(kind: K, asOf: IsoDay): Promise<Outcome<ViewRows[K]>> => {
      const query = { param, query: { asOf, ...at() } } as never
      if (kind === "hypotheses") {
        const read = await call<{ matrices: ViewRows[K] }>(() => kase.matrices.$get(query))
        return read.ok ? { ok: true, value: read.value.matrices } : read
      }
      const read = await call<{ rows: ViewRows[K] }>(() =>
        kind === "actors" ? kase.lifecycles.$get(query) : kase["relationship-rows"].$get(query)
      )
      return read.ok ? { ok: true, value: read.value.rows } : read
    },
    detail: async (id, asOf) => {
      const read = await call<{ detail: ItemDetail | undefined }>(
        () => kase.detail[":id"].$get({ param: { ...param, id }, query: { asOf, ...at() } } as never),
        () => ({ detail: undefined })
      )
      return read.ok ? { ok: true, value: read.value.detail } : read
    },
    verdictHistory: (id, until, onProgress) => {
      // The server works the history out whole and sends it in one part.
      let stopped = false
      void call<{ history: HistoryProgress["changes"] }>(
        () =>
          kase.verdicts[":id"].history.$get({
            param: { ...param, id },
            query: { asOf: until, ...at() }
          } as never),
        () => ({ history: [] })
      ).then((read) => {
        if (stopped) return
        const changes = read.ok ? read.value.history : []
        onProgress({ changes, daysDone: 1, daysInAll: 1, through: until, done: true })
      })
      return () => {
        stopped = true
      }
    },
    items: async (wanted) => {
      const found: Array<ItemBody> = []
      for (const item of wanted) {
        const read = await call<{ item: unknown } | undefined>(
          () => kase[item.section][":id"].$get({ param: { ...param, id: item.id }, query: {} } as never),
          () => undefined
        )
        if (!read.ok) return read
        if (read.value !== undefined) found.push({ ...item, body: read.value.item })
      }
      return { ok: true, value: found }
    },
    save: (edit, reason, basedOn, asOf) =>
      write(async () => {
        if (outlined === undefined) {
          const read = await readOutline()
          if (!read.ok) return read
        }
        const section: EvidenceSection = edit.section
        const exists = outlineLookup(outlined!.outline).sectionOf(edit.id) !== undefined
        const headers = { headers: { "if-match": `"r${basedOn}"` } }
        const written = await call<{ revision: RevisionStamp }>(() =>
          exists
            ? kase[section][":id"].$put(
                { param: { ...param, id: edit.id }, json: { reason, item: edit.body } } as never,
                headers
              )
            : kase[section].$post({ param, json: { reason, item: edit.body } } as never, headers)
        )
        if (!written.ok) return written
        ours.add(written.value.revision.number)
        outlined = {
          revision: stampOf(written.value.revision),
          outline: outlineWithItem(outlined!.outline, section, edit.body)
        }
        const view = await views(asOf, undefined)
        if (!view.ok) return view
        return { ok: true, value: { ...outlined, view: view.value.view } }
      }),
    undo: (basedOn, asOf) =>
      write(async () => {
        const reason = outlined?.revision.number === basedOn ? ` (${outlined.revision.reason})` : ""
        const undone = await call<{ revision: RevisionStamp }>(() =>
          kase.revisions[":revision"].undo.$post(
            {
              param: { ...param, revision: String(basedOn) },
              json: { reason: `Undo revision ${basedOn}${reason}` }
            },
            { headers: { "if-match": `"r${basedOn}"` } }
          )
        )
        if (!undone.ok) return undone
        ours.add(undone.value.revision.number)
        const read = await readOutline()
        if (!read.ok) return read
        const view = await views(asOf, undefined)
        if (!view.ok) return view
        return { ok: true, value: { ...read.value, view: view.value.view } }
      }),
    revisions: async () => {
      const read = await call<{ revisions: ReadonlyArray<RevisionFacts> }>(() =>
        kase.revisions.$get({ param })
      )
      return read.ok ? { ok: true, value: read.value.revisions } : read
    },
    watch: (onRevision) => {
      const abort = new AbortController()
      watchers.add(abort)
      void verdictEvents(options.baseUrl, options.caseName, {
        token: options.token,
        fetch: options.fetch,
        signal: abort.signal,
        onEvent: (event) => {
          if (event.event !== "verdicts") return
          const { revision, author, reason } = event.data
          void writing.then(() => {
            if (abort.signal.aborted || ours.has(revision)) return
            onRevision({ number: revision, author: author ?? "someone", at: "", reason: reason ?? "" })
          })
        }
      }).catch(() => {
        // A stream that cannot be followed leaves the UI as it is: R still loads the case again.
      })
      return () => {
        abort.abort()
        watchers.delete(abort)
      }
    },
    close: async () => {
      for (const abort of watchers) abort.abort()
      watchers.clear()
    }
  }
}
