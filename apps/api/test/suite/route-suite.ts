/**
 * The route suite: every resource, error class and access rule, as a client sees them. Each case gets
 * an app over a store of its own holding the seed case, and tokens of each scope. It runs on Node
 * with `app.request()` (`routes.test.ts`) and inside workerd against D1 (`worker/worker.test.ts`), so
 * it uses no test framework: a failed expectation throws.
 */
export interface SuiteContext {
  readonly request: (path: string, init?: RequestInit) => Promise<Response>
  readonly tokens: {
    readonly read: string
    readonly write: string
    readonly admin: string
    readonly otherCase: string
  }
  /** Requests a token may make per window (a minute) in this app. */
  readonly rateLimit: number
  /** Moves the app's clock, which otherwise stands still. */
  readonly advanceClock: (ms: number) => void
}

export const caseName = "jai-syria-allegiance-2015"
const base = `/cases/${caseName}`

const fail = (message: string): never => {
  throw new Error(message)
}
/** JSON with keys sorted: two bodies that say the same thing compare equal whatever their key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, entry) =>
    entry !== null && typeof entry === "object" && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1)))
      : entry
  )
const equal = (actual: unknown, expected: unknown, what: string) => {
  if (canonical(actual) !== canonical(expected))
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}
const check = (condition: boolean, what: string) => {
  if (!condition) fail(what)
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const json = (token: string, body: unknown, more: Record<string, string> = {}) => ({
  headers: { ...bearer(token), "content-type": "application/json", ...more },
  body: JSON.stringify(body)
})

/** A problem response: its status, its media type, and a body without anything of the server's insides. */
const problemOf = async (response: Response, status: number) => {
  const text = await response.text()
  equal(response.status, status, `status (body ${text.slice(0, 300)})`)
  equal(response.headers.get("content-type"), "application/problem+json", "problem media type")
  check(
    !/\n\s+at |\bat [\w$.<>]+ \([^)]*:\d+|\.ts:\d|\/work\/|\/tmp\/|SQLITE|SELECT |INSERT |node_modules|Error:/i.test(
      text
    ),
    `problem leaks internals: ${text}`
  )
  const body = JSON.parse(text) as {
    status: number
    title: string
    detail: string
    errors?: Array<{ pointer?: string; parameter?: string; header?: string; detail: string }>
  } & Record<string, unknown>
  equal(body.status, status, "problem status")
  check(body.detail.length > 0, "a problem says what is wrong")
  return body
}

export const newStatement = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  title: "A new statement on the group's new account",
  issuer: { nameAsPrinted: "Ansar al-Islam", actor: "jai-syria" },
  channel: "ansarulislam-sh",
  observed: "10 January 2015",
  cites: [{ paragraph: 18 }],
  ...overrides
})

export interface SuiteCase {
  readonly name: string
  readonly run: (context: SuiteContext) => Promise<void>
}

/** One event of a Server-Sent Events stream. */
interface StreamEvent {
  readonly event: string
  readonly id: string
  readonly data: {
    readonly revision: number
    readonly changes?: ReadonlyArray<{ id: string; from: string; to: string }>
  }
}

/**
 * Reads events from a stream's body until one satisfies `wanted`, or fails after `ms` with what it
 * read: a wait for a condition, with a limit.
 */
const eventsUntil = async (
  reader: ReadableStreamDefaultReader<Uint8Array>,
  wanted: (event: StreamEvent) => boolean,
  ms: number,
  seen: Array<StreamEvent> = []
): Promise<StreamEvent> => {
  const decoder = new TextDecoder()
  let buffer = ""
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no such event within ${ms} ms; read ${JSON.stringify(seen)}`)),
      ms
    )
  })
  try {
    for (;;) {
      const { value, done } = await Promise.race([reader.read(), timeout])
      if (done) throw new Error(`the stream ended; read ${JSON.stringify(seen)}`)
      buffer += decoder.decode(value, { stream: true })
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const fields = new Map<string, string>()
        for (const line of block.split("\n")) {
          const colon = line.indexOf(":")
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart())
        }
        if (!fields.has("data")) continue
        const event = {
          event: fields.get("event") ?? "message",
          id: fields.get("id") ?? "",
          data: JSON.parse(fields.get("data")!)
        }
        seen.push(event)
        if (wanted(event)) return event
      }
    }
  } finally {
    clearTimeout(timer)
  }
}

export const routeCases: ReadonlyArray<SuiteCase> = [
  {
    name: "lists the cases and reads one, with its head revision as ETag",
    run: async ({ request, tokens }) => {
      const list = await request("/cases", { headers: bearer(tokens.read) })
      equal(list.status, 200, "list status")
      const cases = (await list.json()) as { cases: Array<{ name: string }> }
      equal(
        cases.cases.map((found) => found.name),
        [caseName],
        "cases"
      )
      const one = await request(base, { headers: bearer(tokens.read) })
      equal(one.status, 200, "case status")
      const etag = one.headers.get("etag")!
      const body = (await one.json()) as { revision: { number: number }; counts: Record<string, number> }
      equal(etag, `"r${body.revision.number}"`, "etag names the revision")
      check(body.counts.statements! > 0, "counts statements")
      const again = await request(base, { headers: { ...bearer(tokens.read), "if-none-match": etag } })
      equal(again.status, 304, "If-None-Match with the current ETag")
    }
  },
  {
    name: "lists every section a page at a time, with filters",
    run: async ({ request, tokens }) => {
      for (const section of [
        "actors",
        "channels",
        "sources",
        "statements",
        "claims",
        "observations",
        "relationships",
        "questions"
      ]) {
        const response = await request(`${base}/${section}?limit=500`, { headers: bearer(tokens.read) })
        equal(response.status, 200, `${section} status`)
        const page = (await response.json()) as { items: Array<{ id: string }>; total: number }
        equal(page.items.length, page.total, `${section}: one page holds them all`)
        check(page.total > 0, `${section} has items`)
      }
      const ids: Array<string> = []
      let cursor: string | undefined
      for (let pages = 0; pages < 50; pages++) {
        const response = await request(
          `${base}/claims?limit=3${cursor === undefined ? "" : `&cursor=${cursor}`}`,
          { headers: bearer(tokens.read) }
        )
        const page = (await response.json()) as { items: Array<{ id: string }>; next?: string; total: number }
        check(page.items.length <= 3, "a page holds at most the limit")
        ids.push(...page.items.map((item) => item.id))
        if (page.next === undefined) {
          equal(ids.length, page.total, "pages add up to the total")
          break
        }
        cursor = page.next
      }
      equal(new Set(ids).size, ids.length, "no claim on two pages")
      const disowning = (await (
        await request(`${base}/claims?kind=disowning`, { headers: bearer(tokens.read) })
      ).json()) as { items: Array<{ kind: string }> }
      check(
        disowning.items.length > 0 && disowning.items.every((item) => item.kind === "disowning"),
        "kind filter"
      )
      const onChannel = (await (
        await request(`${base}/statements?channel=ansarulsham`, { headers: bearer(tokens.read) })
      ).json()) as { items: Array<{ channel?: string }> }
      check(
        onChannel.items.length > 0 && onChannel.items.every((item) => item.channel === "ansarulsham"),
        "channel filter"
      )
      const dated = (await (
        await request(`${base}/statements?from=2015-01-08&to=2015-01-08`, { headers: bearer(tokens.read) })
      ).json()) as { items: Array<{ id: string }> }
      check(
        dated.items.some((item) => item.id === "st-449"),
        "date filter keeps the statement of 8 January"
      )
      check(
        dated.items.every((item) => item.id !== "st-jai-iraq-shura-2014-08"),
        "date filter drops August 2014"
      )
      const words = (await (
        await request(`${base}/statements?text=caliph%20ibrahim`, { headers: bearer(tokens.read) })
      ).json()) as { items: Array<{ id: string }> }
      equal(
        words.items.map((item) => item.id),
        ["st-449"],
        "text filter"
      )
      const refuted = (await (
        await request(`${base}/statements?status=established&asOf=2015-01-20`, {
          headers: bearer(tokens.read)
        })
      ).json()) as { items: Array<{ id: string }> }
      check(
        refuted.items.every((item) => item.id !== "st-ansarulsham-2015-01-05"),
        "status filter leaves out a disowned statement"
      )
      const bad = await problemOf(
        await request(`${base}/statements?from=yesterday&status=maybe`, { headers: bearer(tokens.read) }),
        422
      )
      equal(
        bad.errors?.map((error) => error.parameter).sort(),
        ["from", "status"],
        "each bad filter is named"
      )
      const badCursor = await problemOf(
        await request(`${base}/statements?cursor=nonsense`, { headers: bearer(tokens.read) }),
        422
      )
      equal(badCursor.errors?.[0]?.parameter, "cursor", "a cursor the API never gave")
    }
  },
  {
    name: "reads one item, at the head or at a revision",
    run: async ({ request, tokens }) => {
      const response = await request(`${base}/statements/st-449`, { headers: bearer(tokens.read) })
      equal(response.status, 200, "status")
      const body = (await response.json()) as {
        item: { id: string; serial: { number: number } }
        revision: number
      }
      equal([body.item.id, body.item.serial.number], ["st-449", 449], "the item")
      const atOne = (await (
        await request(`${base}/statements/st-449?revision=1`, { headers: bearer(tokens.read) })
      ).json()) as { item: unknown }
      equal(atOne.item, body.item, "revision 1 holds the same statement")
      await problemOf(await request(`${base}/statements/st-none`, { headers: bearer(tokens.read) }), 404)
      await problemOf(await request(`${base}/claims/st-449`, { headers: bearer(tokens.read) }), 404)
      await problemOf(
        await request(`${base}/statements/st-449?revision=99`, { headers: bearer(tokens.read) }),
        404
      )
      await problemOf(await request("/cases/no-such-case/statements", { headers: bearer(tokens.read) }), 404)
      // Query parameters are read by the contract: each one that cannot be read is named.
      const badRevision = await problemOf(
        await request(`${base}/statements/st-449?revision=0`, { headers: bearer(tokens.read) }),
        422
      )
      equal(
        badRevision.errors?.map((error) => error.parameter),
        ["revision"],
        "a revision that is none"
      )
      const noSuchDay = await problemOf(
        await request(`${base}/verdicts/st-449?asOf=2015-02-30`, { headers: bearer(tokens.read) }),
        422
      )
      equal(
        noSuchDay.errors?.map((error) => error.parameter),
        ["asOf"],
        "a day February does not have"
      )
      check(
        noSuchDay.errors?.[0]?.detail.includes("28") === true,
        `says why: ${noSuchDay.errors?.[0]?.detail}`
      )
      const twice = await problemOf(
        await request(`${base}/statements/st-449?revision=1&revision=2`, { headers: bearer(tokens.read) }),
        422
      )
      equal(
        twice.errors?.map((error) => error.parameter),
        ["revision"],
        "a parameter given twice"
      )
      equal(
        (await request(`${base}/statements/st-449?utm_source=mail`, { headers: bearer(tokens.read) })).status,
        200,
        "a parameter the API does not know is left alone"
      )
    }
  },
  {
    name: "gives verdicts as of a day, one verdict with its explanation, and its history",
    run: async ({ request, tokens }) => {
      const before = (await (
        await request(`${base}/verdicts/st-449?asOf=2015-01-08`, { headers: bearer(tokens.read) })
      ).json()) as {
        verdict: { status: string; explanation: Array<{ sentence: string }>; confidence: { words: string } }
        asOf: string
      }
      equal(before.asOf, "2015-01-08", "as of the day asked")
      check(
        before.verdict.explanation.length > 0 && before.verdict.confidence.words.length > 0,
        "explained, with a confidence"
      )
      await problemOf(
        await request(`${base}/verdicts/st-449?asOf=2014-01-01`, { headers: bearer(tokens.read) }),
        404
      )
      const page = (await (
        await request(`${base}/verdicts?subject=statement&limit=500&asOf=2015-02-01`, {
          headers: bearer(tokens.read)
        })
      ).json()) as { items: Array<{ id: string; subject: string }> }
      check(page.items.length > 0 && page.items.every((row) => row.subject === "statement"), "subject filter")
      const history = (await (
        await request(`${base}/verdicts/st-449/history?asOf=2015-02-01`, { headers: bearer(tokens.read) })
      ).json()) as { history: Array<{ id: string; to: string }> }
      check(
        history.history.length > 0 && history.history.every((change) => change.id === "st-449"),
        "history of that item"
      )
      await problemOf(await request(`${base}/verdicts?asOf=8-1-2015`, { headers: bearer(tokens.read) }), 422)
      const tagged = await request(`${base}/verdicts/st-449?asOf=2015-02-01`, {
        headers: bearer(tokens.read)
      })
      const again = await request(`${base}/verdicts/st-449?asOf=2015-02-01`, {
        headers: { ...bearer(tokens.read), "if-none-match": tagged.headers.get("etag")! }
      })
      equal(again.status, 304, "a verdict read honours If-None-Match")
    }
  },
  {
    name: "serves the views: detail, timeline, key judgments, relationships, lifecycles, hypotheses, matrices, date check",
    run: async ({ request, tokens }) => {
      const get = async (path: string) => {
        const response = await request(path, { headers: bearer(tokens.read) })
        equal(response.status, 200, `${path} status`)
        return (await response.json()) as Record<string, unknown>
      }
      const detail = (await get(`${base}/detail/st-449?asOf=2015-02-01`)).detail as {
        id: string
        facts: Array<unknown>
        links: Array<{ id: string }>
      }
      check(
        detail.id === "st-449" &&
          detail.facts.length > 0 &&
          detail.links.some((link) => link.id === "ansarulsham"),
        "detail"
      )
      const timeline = await get(`${base}/timeline?asOf=2015-02-01&channel=ansarulsham`)
      const rows = timeline.items as Array<{ id: string; channel?: { id: string } }>
      check(
        rows.length > 0 && rows.every((row) => row.channel?.id === "ansarulsham"),
        "timeline filtered by channel"
      )
      const judgments = (await get(`${base}/key-judgments?asOf=2015-02-01`)).judgments as {
        questions: Array<unknown>
      }
      check(judgments.questions.length > 0, "key judgments")
      check(
        ((await get(`${base}/relationship-rows?asOf=2015-02-01`)).rows as Array<unknown>).length > 0,
        "relationships"
      )
      check(
        ((await get(`${base}/lifecycles?asOf=2015-02-01`)).rows as Array<unknown>).length > 0,
        "lifecycles"
      )
      const hypotheses = (await get(`${base}/hypotheses`)).items as Array<{ id: string; question: string }>
      check(
        hypotheses.some(
          (hypothesis) =>
            hypothesis.id === "h-whole-joined-is" && hypothesis.question === "q-end-of-jai-syria"
        ),
        "hypotheses"
      )
      const matrix = (await get(`${base}/questions/q-end-of-jai-syria/matrix?asOf=2015-02-01`)).matrix as {
        hypotheses: Array<unknown>
      }
      check(matrix.hypotheses.length > 0, "matrix")
      const matrices = (await get(`${base}/matrices?asOf=2015-02-01`)).matrices as Array<{ question: string }>
      equal(
        JSON.stringify(matrices.find((each) => each.question === "q-end-of-jai-syria")),
        JSON.stringify(matrix),
        "every question's matrix, each as the question's own"
      )
      await problemOf(await request(`${base}/questions/q-none/matrix`, { headers: bearer(tokens.read) }), 404)
      const dates = await get(
        `/date-check?hijri=${encodeURIComponent("17 Rabi al-Awal 1436")}&gregorian=${encodeURIComponent("8 January 2015")}`
      )
      equal(dates.verdict, "consistent", "date check")
      const missing = await problemOf(
        await request("/date-check?hijri=x", { headers: bearer(tokens.read) }),
        422
      )
      equal(
        missing.errors?.map((error) => error.parameter),
        ["gregorian"],
        "the missing date is named"
      )
      const exported = await request(`${base}/export`, { headers: bearer(tokens.read) })
      check(exported.status === 200 && (await exported.text()).includes("st-449"), "export")
    }
  },
  {
    name: "adds, replaces and removes an item, each one revision with its author and reason, and undoes one",
    run: async ({ request, tokens }) => {
      const head = Number(
        (
          (await (await request(base, { headers: bearer(tokens.read) })).json()) as {
            revision: { number: number }
          }
        ).revision.number
      )
      const created = await request(`${base}/statements`, {
        method: "POST",
        ...json(
          tokens.write,
          { reason: "seen today", item: newStatement("st-new") },
          { "if-match": `"r${head}"` }
        )
      })
      equal(created.status, 201, `create (${await created.clone().text()})`)
      equal(created.headers.get("location"), `${base}/statements/st-new`, "Location")
      const createdBody = (await created.json()) as {
        revision: { number: number; author: string; reason: string }
      }
      equal(
        [createdBody.revision.number, createdBody.revision.author, createdBody.revision.reason],
        [head + 1, "suite writer", "seen today"],
        "one revision, author and reason"
      )
      const read = (await (
        await request(`${base}/statements/st-new`, { headers: bearer(tokens.read) })
      ).json()) as { item: { title: string } }
      equal(read.item.title, "A new statement on the group's new account", "read back")
      const duplicate = await problemOf(
        await request(`${base}/statements`, {
          method: "POST",
          ...json(tokens.write, { reason: "again", item: newStatement("st-new") })
        }),
        409
      )
      check(duplicate.detail.includes("st-new"), "409 names the item")
      const replaced = await request(`${base}/statements/st-new`, {
        method: "PUT",
        ...json(
          tokens.write,
          { reason: "title corrected", item: newStatement("st-new", { title: "Corrected" }) },
          { "if-match": `"r${head + 1}"` }
        )
      })
      equal(replaced.status, 200, "replace")
      const stale = await problemOf(
        await request(`${base}/statements/st-new`, {
          method: "PUT",
          ...json(
            tokens.write,
            { reason: "stale", item: newStatement("st-new", { title: "Stale" }) },
            { "if-match": `"r${head + 1}"` }
          )
        }),
        412
      )
      equal(
        [stale.author, stale.revision],
        ["suite writer", head + 2],
        "412 names the newer revision and its author"
      )
      const renamed = await problemOf(
        await request(`${base}/statements/st-new`, {
          method: "PUT",
          ...json(tokens.write, { reason: "rename", item: newStatement("st-other") })
        }),
        422
      )
      equal(renamed.errors?.[0]?.pointer, "/item/id", "a rename points at the id")
      const removed = await request(`${base}/statements/st-new`, {
        method: "DELETE",
        ...json(tokens.write, { reason: "a duplicate" })
      })
      equal(removed.status, 200, "remove")
      await problemOf(await request(`${base}/statements/st-new`, { headers: bearer(tokens.read) }), 404)
      await problemOf(
        await request(`${base}/statements/st-new`, {
          method: "DELETE",
          ...json(tokens.write, { reason: "again" })
        }),
        404
      )
      const revisions = (await (
        await request(`${base}/revisions`, { headers: bearer(tokens.read) })
      ).json()) as { revisions: Array<{ number: number; reason: string }> }
      equal(
        revisions.revisions.slice(-3).map((revision) => revision.reason),
        ["seen today", "title corrected", "a duplicate"],
        "history"
      )
      const changes = (await (
        await request(`${base}/revisions/${head + 2}`, { headers: bearer(tokens.read) })
      ).json()) as { changes: Array<{ id: string }> }
      equal(
        changes.changes.map((change) => change.id),
        ["st-new"],
        "what a revision changed"
      )
      const undone = await request(`${base}/revisions/${head + 3}/undo`, {
        method: "POST",
        ...json(tokens.write, { reason: "not a duplicate after all" })
      })
      equal(undone.status, 201, "undo")
      const back = (await (
        await request(`${base}/statements/st-new`, { headers: bearer(tokens.read) })
      ).json()) as { item: { title: string } }
      equal(back.item.title, "Corrected", "the undo put the statement back")
      const caseInfo = await request(base, {
        method: "PUT",
        ...json(tokens.write, {
          reason: "retitled",
          case: { id: caseName, title: "JAI Syria, January 2015" }
        })
      })
      equal(caseInfo.status, 200, `the case's own section (${await caseInfo.clone().text()})`)
    }
  },
  {
    name: "refuses invalid items with the path of every invalid field, and saves nothing",
    run: async ({ request, tokens }) => {
      const before = await (await request(`${base}/export`, { headers: bearer(tokens.read) })).text()
      const invalid = await problemOf(
        await request(`${base}/statements`, {
          method: "POST",
          ...json(tokens.write, {
            reason: "bad",
            item: {
              id: "st-bad",
              issuer: { actor: "jai-syria" },
              observed: "10 January 2015",
              cites: [],
              colour: "red"
            }
          })
        }),
        422
      )
      const pointers = (invalid.errors ?? []).map((error) => error.pointer)
      check(pointers.includes("/item/issuer/nameAsPrinted"), `missing field pointed at: ${pointers}`)
      check(pointers.includes("/item/colour"), `unknown field pointed at: ${pointers}`)
      const dangling = await problemOf(
        await request(`${base}/statements`, {
          method: "POST",
          ...json(tokens.write, {
            reason: "bad",
            item: newStatement("st-dangling", { channel: "no-such-channel" })
          })
        }),
        422
      )
      equal(
        dangling.errors?.map((error) => error.pointer),
        ["/item/channel"],
        "a reference to nothing is pointed at"
      )
      const noReason = await problemOf(
        await request(`${base}/statements`, {
          method: "POST",
          ...json(tokens.write, { item: newStatement("st-x") })
        }),
        422
      )
      check(
        (noReason.errors ?? []).some((error) => error.pointer === "/reason"),
        "the missing reason"
      )
      await problemOf(
        await request(`${base}/statements`, {
          method: "POST",
          headers: { ...bearer(tokens.write), "content-type": "application/json" },
          body: "{not json"
        }),
        400
      )
      const after = await (await request(`${base}/export`, { headers: bearer(tokens.read) })).text()
      equal(after, before, "nothing stored changed")
    }
  },
  {
    name: "answers 401 without a token, 403 past its scope or cases",
    run: async ({ request, tokens }) => {
      const none = await problemOf(await request(`${base}/statements`), 401)
      check(none.detail.includes("Bearer"), "says how to send a token")
      const noneResponse = await request(base)
      check((noneResponse.headers.get("www-authenticate") ?? "").startsWith("Bearer"), "WWW-Authenticate")
      await problemOf(
        await request(base, { headers: { authorization: "Bearer alg_aaaaaaaaaaaa_" + "A".repeat(43) } }),
        401
      )
      await problemOf(await request(base, { headers: { authorization: "Basic dXNlcjpwYXNz" } }), 401)
      await problemOf(
        await request(`${base}/statements`, {
          method: "POST",
          ...json(tokens.read, { reason: "r", item: newStatement("st-r") })
        }),
        403
      )
      await problemOf(
        await request("/cases", {
          method: "POST",
          ...json(tokens.write, { reason: "r", caseFile: "case: {}" })
        }),
        403
      )
      await problemOf(await request(base, { headers: bearer(tokens.otherCase) }), 403)
      equal((await request("/health")).status, 200, "health needs no token")
      equal((await request("/openapi.json")).status, 200, "the document needs no token")
      // The reference page runs its script from this server, not a CDN, under a policy that lets it.
      const docs = await request("/docs")
      const page = await docs.text()
      equal(docs.status, 200, "the reference page needs no token")
      check(page.includes('src="/docs/scalar.js"') && !/src="https?:/.test(page), "its script is served here")
      const policy = docs.headers.get("content-security-policy") ?? ""
      check(
        /script-src 'self'/.test(policy) && /connect-src 'self'/.test(policy),
        `the page may run its script and read the document, and reach nothing else: ${policy}`
      )
      check(
        (await request("/health")).headers.get("content-security-policy") ===
          "default-src 'none'; frame-ancestors 'none'",
        "every other answer runs nothing"
      )
    }
  },
  {
    name: "answers 404, 405, 406, 413 and 415 where they belong",
    run: async ({ request, tokens }) => {
      await problemOf(await request("/nowhere", { headers: bearer(tokens.read) }), 404)
      const wrongMethod = await request(`${base}/verdicts`, {
        method: "DELETE",
        ...json(tokens.write, { reason: "r" })
      })
      await problemOf(wrongMethod.clone(), 405)
      check((wrongMethod.headers.get("allow") ?? "").includes("GET"), "405 says what is allowed")
      await problemOf(await request(base, { headers: { ...bearer(tokens.read), accept: "text/html" } }), 406)
      equal(
        (
          await request(base, {
            headers: { ...bearer(tokens.read), accept: "text/html, application/json;q=0.5" }
          })
        ).status,
        200,
        "a lower preference still takes JSON"
      )
      await problemOf(
        await request(`${base}/statements`, {
          method: "POST",
          headers: { ...bearer(tokens.write), "content-type": "text/plain" },
          body: "hello"
        }),
        415
      )
      const huge = { reason: "big", item: newStatement("st-big", { excerpt: "x".repeat(1_100_000) }) }
      await problemOf(
        await request(`${base}/statements`, { method: "POST", ...json(tokens.write, huge) }),
        413
      )
    }
  },
  {
    name: "creates a case from a case file, and refuses one that exists",
    run: async ({ request, tokens }) => {
      const exported = await (await request(`${base}/export`, { headers: bearer(tokens.read) })).text()
      const created = await request("/cases", {
        method: "POST",
        ...json(tokens.admin, { reason: "a copy to work on", name: "copy", caseFile: exported })
      })
      equal(created.status, 201, `create (${await created.clone().text()})`)
      equal(
        (await (await request("/cases/copy/export", { headers: bearer(tokens.read) })).text()).replace(
          /copy/g,
          caseName
        ).length > 0,
        true,
        "the copy is there"
      )
      await problemOf(
        await request("/cases", {
          method: "POST",
          ...json(tokens.admin, { reason: "again", name: "copy", caseFile: exported })
        }),
        409
      )
      const invalid = await problemOf(
        await request("/cases", {
          method: "POST",
          ...json(tokens.admin, { reason: "bad", name: "bad", caseFile: "case:\n  id: bad\n" })
        }),
        422
      )
      check((invalid.errors ?? []).length > 0, "every problem of the file")
    }
  },
  {
    name: "streams which verdicts each write changed, and what a client missed when it comes back",
    run: async ({ request, tokens }) => {
      const asOf = "2015-02-01"
      const opened = await request(`${base}/events?asOf=${asOf}`, {
        headers: { ...bearer(tokens.read), accept: "text/event-stream" }
      })
      equal(opened.status, 200, "the stream opens")
      check((opened.headers.get("content-type") ?? "").startsWith("text/event-stream"), "as an event stream")
      const reader = opened.body!.getReader()
      try {
        const ready = await eventsUntil(reader, (event) => event.event === "ready", 30_000)
        const head = ready.data.revision
        const written = await request(`${base}/statements`, {
          method: "POST",
          ...json(
            tokens.write,
            { reason: "seen on the stream", item: newStatement("st-streamed") },
            { "if-match": `"r${head}"` }
          )
        })
        equal(written.status, 201, "the write")
        const event = await eventsUntil(reader, (seen) => seen.event === "verdicts", 30_000)
        equal(
          [event.id, event.data.revision],
          [String(head + 1), head + 1],
          "the event of the write's revision"
        )
        const change = event.data.changes?.find((found) => found.id === "st-streamed")
        equal(change?.from, "not yet known", "the new statement was not judged before")
        check(
          ["established", "refuted", "contested", "unsupported"].includes(change?.to ?? ""),
          `judged now: ${change?.to}`
        )
      } finally {
        await reader.cancel()
      }
      // Away for one write: coming back with the last id it saw, the client gets that write first.
      const missed = await request(`${base}/statements`, {
        method: "POST",
        ...json(tokens.write, { reason: "written while away", item: newStatement("st-missed") })
      })
      equal(missed.status, 201, "the write while away")
      const revision = ((await missed.json()) as { revision: { number: number } }).revision.number
      const resumed = await request(`${base}/events?asOf=${asOf}`, {
        headers: {
          ...bearer(tokens.read),
          accept: "text/event-stream",
          "last-event-id": String(revision - 1)
        }
      })
      const again = resumed.body!.getReader()
      try {
        const caughtUp = await eventsUntil(again, (event) => event.event === "verdicts", 30_000)
        equal(caughtUp.data.revision, revision, "the missed write's event")
        check(
          caughtUp.data.changes?.some((change) => change.id === "st-missed") === true,
          "names what it changed"
        )
      } finally {
        await again.cancel()
      }
      const refused = await problemOf(
        await request(`${base}/events`, {
          headers: { ...bearer(tokens.read), "last-event-id": "yesterday" }
        }),
        422
      )
      equal(refused.errors?.[0]?.header, "Last-Event-ID", "an id that is no event's")
    }
  },
  {
    name: "limits each token's rate, with Retry-After, until its window ends",
    run: async ({ request, tokens, rateLimit, advanceClock }) => {
      // The clock stands still: all these requests fall in one window however long they take.
      for (let sent = 1; sent <= rateLimit; sent++) {
        const allowed = await request("/cases", { headers: bearer(tokens.otherCase) })
        equal(allowed.status, 200, `request ${sent} of ${rateLimit} is allowed`)
        equal(allowed.headers.get("ratelimit-remaining"), String(rateLimit - sent), "RateLimit-Remaining")
      }
      const over = await request("/cases", { headers: bearer(tokens.otherCase) })
      const limited = await problemOf(over.clone(), 429)
      const retryAfter = Number(over.headers.get("retry-after"))
      check(retryAfter >= 1 && retryAfter <= 60, `Retry-After in seconds within the window: ${retryAfter}`)
      check(limited.detail.includes(String(rateLimit)), "says the limit")
      equal(
        (await request("/cases", { headers: bearer(tokens.read) })).status,
        200,
        "other tokens are not limited"
      )
      advanceClock(retryAfter * 1000)
      equal(
        (await request("/cases", { headers: bearer(tokens.otherCase) })).status,
        200,
        "once Retry-After has passed, the token is let through again"
      )
    }
  },
  {
    name: "serves a UI's outline of the case, and a day's views against it with what changed since another day",
    run: async ({ request, tokens }) => {
      const read = await request(`${base}/outline`, { headers: bearer(tokens.read) })
      equal(read.status, 200, "outline status")
      const { outline, revision } = (await read.json()) as {
        outline: {
          counts: Record<string, number>
          names: { ids: Array<string>; sections: string; labels: Array<string> }
          timeline: { items: Array<number> }
        }
        revision: { number: number }
      }
      equal(read.headers.get("etag"), `"r${revision.number}"`, "the outline's ETag names its revision")
      const counts = (
        (await (await request(base, { headers: bearer(tokens.read) })).json()) as {
          counts: Record<string, number>
        }
      ).counts
      equal(outline.counts.statements, counts.statements, "counts the statements")
      equal(
        outline.timeline.items.length,
        counts.statements! + counts.observations!,
        "one row per dated item"
      )
      const named = outline.names.ids.indexOf("st-449")
      equal(outline.names.sections[named], "S", "names st-449 as a statement")
      equal(outline.names.labels[named], "Statement 449", "by its serial")
      const place = outline.timeline.items.indexOf(named)
      const views = await request(
        `${base}/views?asOf=2015-01-09&since=2015-01-07&revision=${revision.number}`,
        {
          headers: bearer(tokens.read)
        }
      )
      equal(views.status, 200, "views status")
      const { view } = (await views.json()) as {
        view: { timeline: { statuses: string }; changed: Array<number>; totals: { changed: number } }
      }
      equal(view.timeline.statuses.length, outline.timeline.items.length, "a verdict for every row")
      equal(view.timeline.statuses[place], "C", "st-449 contested on the 9th")
      check(view.changed.includes(place) && view.totals.changed > 0, "st-449 changed since the 7th")
      const seventh = (await (
        await request(`${base}/views?asOf=2015-01-07`, { headers: bearer(tokens.read) })
      ).json()) as { view: { timeline: { statuses: string }; changed: Array<number> } }
      equal(seventh.view.timeline.statuses[place], "-", "not yet known on the 7th")
      equal(seventh.view.changed, [], "without since, nothing changed")
      const since = await problemOf(
        await request(`${base}/views?since=7-1-2015`, { headers: bearer(tokens.read) }),
        422
      )
      equal(since.errors?.[0]?.parameter, "since", "points at since")
      await problemOf(await request(`${base}/outline?revision=99`, { headers: bearer(tokens.read) }), 404)
    }
  },
  {
    name: "writes the case's brief as markdown, as of a day, of one question, tagged like the other reads",
    run: async ({ request, tokens }) => {
      const { case: info, revision } = (await (
        await request(base, { headers: bearer(tokens.read) })
      ).json()) as { case: { title: string }; revision: { number: number } }
      const ninth = await request(`${base}/brief?asOf=2015-01-09`, { headers: bearer(tokens.read) })
      equal(ninth.status, 200, "brief status")
      equal(ninth.headers.get("content-type"), "text/markdown; charset=utf-8", "brief media type")
      const etag = ninth.headers.get("etag")
      equal(etag, `"r${revision.number};2015-01-09"`, "the ETag names the revision and the day")
      const markdown = await ninth.text()
      equal(markdown.split("\n")[0], `# ${info.title}`, "the brief opens with the case's title")
      check(markdown.includes("Brief as of **9 January 2015**"), "says which day it was judged as of")
      check(
        markdown.includes("The attribution of Statement 449 on @ansarulsham to JAI Syria: contested"),
        "judges st-449 contested on the 9th"
      )
      const held = await request(`${base}/brief?asOf=2015-01-09`, {
        headers: { ...bearer(tokens.read), "if-none-match": etag! }
      })
      equal(held.status, 304, "304 when the client holds it")
      equal(await held.text(), "", "a 304 has no body")
      const seventh = await (
        await request(`${base}/brief?asOf=2015-01-07`, { headers: bearer(tokens.read) })
      ).text()
      check(seventh.includes("Brief as of **7 January 2015**"), "another day, another brief")
      check(!seventh.includes("(st-449) to JAI Syria: contested"), "st-449 not yet judged on the 7th")
      const first = await request(`${base}/brief?asOf=2015-01-09&revision=1`, {
        headers: { ...bearer(tokens.read), accept: "text/markdown" }
      })
      equal(first.headers.get("etag"), `"r1;2015-01-09"`, "read at a named revision")
      equal(await first.text(), markdown, "the seeded revision, unchanged, briefs the same")
      const one = await (
        await request(`${base}/brief?asOf=2015-01-09&question=q-end-of-jai-syria`, {
          headers: bearer(tokens.read)
        })
      ).text()
      check(one.includes("Is this the end of JAI Syria?"), "keeps to the question asked")
      check(!one.includes("Which of the two accounts"), "and leaves out the other question")
      const unknown = await problemOf(
        await request(`${base}/brief?question=q-nope`, { headers: bearer(tokens.read) }),
        404
      )
      check(unknown.detail.includes("q-end-of-jai-syria"), "names the questions the case holds")
      await problemOf(
        await request(`${base}/brief`, { headers: { ...bearer(tokens.read), accept: "application/json" } }),
        406
      )
      await problemOf(await request(`${base}/brief?asOf=9-1-2015`, { headers: bearer(tokens.read) }), 422)
      await problemOf(await request(`${base}/brief`), 401)
    }
  }
]
