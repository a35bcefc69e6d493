/**
 * End to end: `allegiance serve` on loopback, a small case created through the typed client, a
 * subscriber on its event stream, and a disowning written through the typed client: a statement on
 * one of the actor's channels, then its claim that the actor's other channel is not the actor's. The
 * statement on that channel stood established; the event of the claim's revision names it, with
 * its old and new status. Each wait is for a condition, with a limit, never a fixed sleep.
 */
import { allegianceClient, type CaseEvent, verdictEvents } from "@allegiance/client"
import { afterAll, beforeAll, expect, it } from "vitest"
import { type ServedStore, serveStore } from "./support/served-store.ts"

const caseName = "disowning-e2e"
const asOf = "2020-06-01"
let served: ServedStore | undefined
let url = ""
let token = ""

beforeAll(async () => {
  served = await serveStore({ scope: "admin", label: "e2e bot" })
  url = served.url
  token = served.token
}, 60_000)

afterAll(async () => {
  await served?.stop()
})

/** Resolves with what `find` finds among the events seen, or fails after `ms` with what was seen. */
const eventually = <T>(events: Array<CaseEvent>, find: (event: CaseEvent) => T | undefined, ms: number) =>
  new Promise<T>((resolve, reject) => {
    const started = Date.now()
    const look = () => {
      for (const event of events) {
        const found = find(event)
        if (found !== undefined) return resolve(found)
      }
      if (Date.now() - started > ms)
        return reject(new Error(`not seen within ${ms} ms; events: ${JSON.stringify(events)}`))
      setTimeout(look, 25)
    }
    look()
  })

const smallCase = {
  case: { id: caseName, title: "Two accounts of one branch" },
  actors: [
    { id: "org", kind: "group", name: { primary: "Org" }, cites: [{ paragraph: 1 }] },
    { id: "org-a", kind: "branch", parent: "org", name: { primary: "Org A" }, cites: [{ paragraph: 1 }] }
  ],
  channels: [
    {
      id: "ch-old",
      kind: "social-media-account",
      handle: "@old",
      speaksFor: "org-a",
      cites: [{ paragraph: 2 }]
    },
    {
      id: "ch-new",
      kind: "social-media-account",
      handle: "@new",
      speaksFor: "org-a",
      cites: [{ paragraph: 2 }]
    }
  ],
  statements: [
    {
      id: "st-new",
      title: "A statement on the new account",
      issuer: { nameAsPrinted: "Org A", actor: "org-a" },
      channel: "ch-new",
      observed: "1 May 2020",
      cites: [{ paragraph: 3 }]
    }
  ]
}

it("tells a subscriber that a disowning claim turned an established statement", async () => {
  const api = allegianceClient(url, { token })
  const created = await api.cases.$post({
    json: { reason: "A small case for the event stream", caseFile: JSON.stringify(smallCase) }
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const before = await api.cases[":case"].verdicts[":id"].$get({
    param: { case: caseName, id: "st-new" },
    query: { asOf }
  })
  expect(before.status).toBe(200)
  if (before.status !== 200) return
  expect((await before.json()).verdict.status).toBe("established")

  const events: Array<CaseEvent> = []
  const stop = new AbortController()
  const following = verdictEvents(url, caseName, {
    token,
    asOf,
    signal: stop.signal,
    onEvent: (event) => {
      events.push(event)
    }
  })
  try {
    await eventually(events, (event) => (event.event === "ready" ? event : undefined), 30_000)
    // The old account speaks: a statement, then what it says (two writes, two revisions).
    const statement = await api.cases[":case"].statements.$post({
      param: { case: caseName },
      json: {
        reason: "A new statement on the old account",
        item: {
          id: "st-old",
          title: "The new account is not ours",
          issuer: { nameAsPrinted: "Org A", actor: "org-a" },
          channel: "ch-old",
          observed: "10 May 2020",
          cites: [{ paragraph: 4 }]
        }
      }
    })
    expect(statement.status, await statement.clone().text()).toBe(201)
    const claim = await api.cases[":case"].claims.$post({
      param: { case: caseName },
      json: {
        reason: "What the old account says of the new one",
        item: {
          id: "cl-disowns-new",
          kind: "disowning",
          scope: "org-a",
          channel: "ch-new",
          since: "1 April 2020",
          otherChannels: false,
          madeBy: { statement: "st-old" },
          cites: [{ paragraph: 4 }]
        }
      }
    })
    expect(claim.status, await claim.clone().text()).toBe(201)
    if (claim.status !== 201) return
    const claimRevision = (await claim.json()).revision.number

    const event = await eventually(
      events,
      (seen) => (seen.event === "verdicts" && seen.data.revision === claimRevision ? seen : undefined),
      30_000
    )
    expect(event.id).toBe(String(claimRevision))
    expect([event.data.author, event.data.reason, event.data.asOf]).toEqual([
      "e2e bot",
      "What the old account says of the new one",
      asOf
    ])
    const turned = event.data.changes?.find((change) => change.id === "st-new")
    expect(turned, JSON.stringify(event.data.changes)).toBeDefined()
    expect(turned!.from).toBe("established")
    expect(["refuted", "contested"]).toContain(turned!.to)
    // What the stream said is what a read says now.
    const after = await api.cases[":case"].verdicts[":id"].$get({
      param: { case: caseName, id: "st-new" },
      query: { asOf }
    })
    if (after.status !== 200) throw new Error(`read after: ${after.status}`)
    expect((await after.json()).verdict.status).toBe(turned!.to)
  } finally {
    stop.abort()
    await following.catch(() => undefined)
  }
}, 90_000)
