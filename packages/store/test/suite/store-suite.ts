/**
 * The store's behaviour, as one list of cases run on every database it supports:
 * SQLite files (test/store/file.test.ts) and D1 inside workerd (test/d1/).
 * Every case starts from an empty database.
 */
import { Effect, Option, type Scope } from "effect"
import type { Statement } from "effect/sql/Statement"
import { caseRules } from "../../src/case-rules.ts"
import type { ItemChange, ItemInput, StoreShape } from "../../src/store.ts"
import { actorBody, smallCaseItems } from "../support/small-case.ts"
import { check, failsWith, Harness, same } from "./harness.ts"

export interface SuiteCase {
  readonly name: string
  readonly run: Effect.Effect<void, unknown, Harness | Scope.Scope>
}

const at = (iso: string) => new Date(iso)
const analyst = (reason: string, when = "2015-01-09T10:00:00.000Z") => ({
  author: "analyst",
  reason,
  at: at(when)
})

const seedItems: ReadonlyArray<ItemInput> = [
  { kind: "actor", id: "jai", body: { name: "Jamaat Ansar al-Islam", aliases: ["JAI", "Ansar al-Islam"] } },
  { kind: "actor", id: "jai-syria", body: { name: "JAI in Syria", parent: "jai" } },
  { kind: "channel", id: "ansarulsham", body: { handle: "@ansarulsham", speaksFor: "jai-syria" } },
  {
    kind: "statement",
    id: "s449",
    body: {
      serial: "Statement 449",
      printed: { hijri: "17 Rabi' al-Awal 1436", gregorian: "8 January 2015" }
    }
  }
]

const bodiesOf = (items: ReadonlyArray<{ kind: string; id: string; body: unknown }>) =>
  items.map((item) => ({ kind: item.kind, id: item.id, body: item.body }))

const opened = Effect.gen(function* () {
  const harness = yield* Harness
  return yield* harness.open()
})

const withSeed = Effect.gen(function* () {
  const store = yield* opened
  yield* store.createCase(
    "jai",
    seedItems,
    analyst("Encoded from the January 2015 article", "2015-01-09T09:00:00.000Z")
  )
  return store
})

const channelBody = {
  id: "ch",
  kind: "social-media-account",
  handle: "@group",
  speaksFor: "a0",
  cites: [{ paragraph: 1 }]
}

/** A store held to the rules of an Allegiance case, with a small valid case "model" in it. */
const withModelCase = Effect.gen(function* () {
  const harness = yield* Harness
  const store = yield* harness.open({ rules: caseRules })
  yield* store.createCase(
    "model",
    [...smallCaseItems("model", 3), { kind: "channels", id: "ch", body: channelBody }],
    analyst("A small case", "2015-01-09T09:00:00.000Z")
  )
  return store
})

/** A count of every row, to show that a refused or failed write left the database as it was. */
const fingerprint = (store: StoreShape) =>
  Effect.gen(function* () {
    const harness = yield* Harness
    const tables = ["cases", "revisions", "item_versions"]
    const out: Record<string, unknown> = {}
    for (const table of tables) {
      out[table] = yield* harness.raw(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)
    }
    out.cases_listed = yield* store.listCases
    return out
  })

export const storeCases: ReadonlyArray<SuiteCase> = [
  {
    name: "creates a case and loads it back in the order the items entered",
    run: Effect.gen(function* () {
      const store = yield* opened
      const created = yield* store.createCase("jai", seedItems, analyst("first encoding"))
      same(
        { number: created.revision.number, parent: created.revision.parent, added: created.added },
        { number: 1, parent: null, added: 4 },
        "first revision"
      )
      const snapshot = yield* store.load("jai")
      same(bodiesOf(snapshot.items), bodiesOf(seedItems), "items at head")
      check(
        snapshot.items.every((item) => item.since === 1),
        "every item was written by revision 1"
      )
      same(snapshot.revision.author, "analyst", "author")
      same(snapshot.revision.at, "2015-01-09T10:00:00.000Z", "time")
      same(snapshot.revision.reason, "first encoding", "reason")
    })
  },
  {
    name: "keeps many cases apart, even with the same item ids",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      yield* store.createCase(
        "other",
        [{ kind: "actor", id: "jai", body: { name: "A different group that happens to share the id" } }],
        analyst("second case")
      )
      const jai = yield* store.load("jai")
      const other = yield* store.load("other")
      same(jai.items.length, 4, "first case untouched")
      same(
        bodiesOf(other.items),
        [{ kind: "actor", id: "jai", body: { name: "A different group that happens to share the id" } }],
        "second case"
      )
      const listed = yield* store.listCases
      same(
        listed.map((c) => [c.name, c.head.number]),
        [
          ["jai", 1],
          ["other", 1]
        ],
        "cases listed with their heads"
      )
    })
  },
  {
    name: "refuses a second case with the same name, and duplicate items",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const exists = yield* failsWith(store.createCase("jai", [], analyst("again")), "CaseExists")
      check(exists.message.includes('"jai"'), `message names the case: ${exists.message}`)
      const duplicate = yield* failsWith(
        store.createCase(
          "dup",
          [
            { kind: "actor", id: "a", body: {} },
            { kind: "actor", id: "a", body: { x: 1 } }
          ],
          analyst("dup")
        ),
        "InvalidChange"
      )
      check(duplicate.message.includes('actor "a"'), `message names the item: ${duplicate.message}`)
      same((yield* store.listCases).length, 1, "nothing was added")
    })
  },
  {
    name: "reports an unknown case by name, listing the known ones",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const error = yield* failsWith(store.load("nope"), "CaseNotFound")
      check(error.message.includes('"nope"') && error.message.includes("jai"), error.message)
    })
  },
  {
    name: "a commit adds, changes and removes items as one new revision; a no-op makes none",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const result = yield* store.commit(
        "jai",
        1,
        [
          { kind: "actor", id: "jai-iraq", body: { name: "JAI in Iraq", parent: "jai" } },
          { kind: "actor", id: "jai-syria", body: { parent: "jai", name: "JAI in Syria (Bilad al-Sham)" } },
          { kind: "channel", id: "ansarulsham", body: null }
        ],
        analyst("Add the Iraq branch, rename the Syria branch, drop the channel")
      )
      same([result.revision.number, result.added, result.changed, result.removed], [2, 1, 1, 1], "counts")
      const head = yield* store.load("jai")
      same(
        head.items.map((item) => `${item.kind}/${item.id}@${item.since}`),
        ["actor/jai@1", "actor/jai-syria@2", "statement/s449@1", "actor/jai-iraq@2"],
        "head keeps each item's place; new items come last"
      )
      // Same content, other key order: not a change.
      const noop = yield* store.commit(
        "jai",
        2,
        [
          {
            kind: "actor",
            id: "jai",
            body: { aliases: ["JAI", "Ansar al-Islam"], name: "Jamaat Ansar al-Islam" }
          }
        ],
        analyst("nothing really")
      )
      same([noop.revision.number, noop.added + noop.changed + noop.removed], [2, 0], "no-op")
      same((yield* store.head("jai")).number, 2, "head unchanged")
      const missing = yield* failsWith(
        store.commit("jai", 2, [{ kind: "actor", id: "ghost", body: null }], analyst("remove a ghost")),
        "InvalidChange"
      )
      check(missing.message.includes('actor "ghost"'), missing.message)
    })
  },
  {
    name: "earlier revisions stay readable, with each item's history and each revision's changes",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      yield* store.commit(
        "jai",
        1,
        [{ kind: "actor", id: "jai-syria", body: { name: "JAI Syria v2", parent: "jai" } }],
        analyst("rename", "2015-01-10T00:00:00.000Z")
      )
      yield* store.commit(
        "jai",
        2,
        [{ kind: "actor", id: "jai-syria", body: null }],
        analyst("remove", "2015-01-11T00:00:00.000Z")
      )
      yield* store.commit(
        "jai",
        3,
        [{ kind: "actor", id: "jai-syria", body: { name: "JAI Syria v3", parent: "jai" } }],
        analyst("bring back", "2015-01-12T00:00:00.000Z")
      )
      const r1 = yield* store.load("jai", { revision: 1 })
      same(
        r1.items.find((item) => item.id === "jai-syria")?.body,
        { name: "JAI in Syria", parent: "jai" },
        "revision 1"
      )
      const r3 = yield* store.load("jai", { revision: 3 })
      check(
        r3.items.every((item) => item.id !== "jai-syria"),
        "removed at revision 3"
      )
      same(r3.revision.reason, "remove", "revision 3 is the removal")
      const history = yield* store.itemHistory("jai", "actor", "jai-syria")
      same(
        history,
        [
          { revision: 1, body: { name: "JAI in Syria", parent: "jai" } },
          { revision: 2, body: { name: "JAI Syria v2", parent: "jai" } },
          { revision: 3, body: null },
          { revision: 4, body: { name: "JAI Syria v3", parent: "jai" } }
        ],
        "item history"
      )
      const changes = yield* store.changes("jai", 2)
      same(
        changes,
        [
          {
            kind: "actor",
            id: "jai-syria",
            before: { name: "JAI in Syria", parent: "jai" },
            after: { name: "JAI Syria v2", parent: "jai" }
          }
        ],
        "changes of revision 2"
      )
      const revisions = yield* store.revisions("jai")
      same(
        revisions.map((r) => [r.number, r.parent, r.reason, r.added, r.changed, r.removed]),
        [
          [1, null, "Encoded from the January 2015 article", 4, 0, 0],
          [2, 1, "rename", 0, 1, 0],
          [3, 2, "remove", 0, 0, 1],
          [4, 3, "bring back", 1, 0, 0]
        ],
        "revision list"
      )
      yield* failsWith(store.load("jai", { revision: 9 }), "RevisionNotFound")
    })
  },
  {
    name: "loads what the store held at a given time",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      yield* store.commit(
        "jai",
        1,
        [{ kind: "statement", id: "s450", body: { serial: "Statement 450" } }],
        analyst("later statement", "2015-01-20T12:00:00.000Z")
      )
      const before = yield* store.load("jai", { asOf: at("2015-01-15T00:00:00.000Z") })
      same(before.revision.number, 1, "as of the 15th: revision 1")
      check(
        before.items.every((item) => item.id !== "s450"),
        "s450 was not known on the 15th"
      )
      const after = yield* store.load("jai", { asOf: at("2015-01-20T12:00:00.000Z") })
      same(after.revision.number, 2, "as of the moment of revision 2")
      const tooEarly = yield* failsWith(
        store.load("jai", { asOf: at("2014-01-01T00:00:00.000Z") }),
        "RevisionNotFound"
      )
      check(tooEarly.message.includes("2014-01-01"), tooEarly.message)
    })
  },
  {
    name: "undo is a new revision that puts back what a revision changed",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      yield* store.commit(
        "jai",
        1,
        [
          { kind: "actor", id: "jai", body: { name: "Renamed by mistake" } },
          { kind: "actor", id: "jai-syria", body: null },
          { kind: "actor", id: "new", body: { name: "Added by mistake" } }
        ],
        analyst("a bad edit")
      )
      const undone = yield* store.undo("jai", 2, 2, analyst("undo the bad edit"))
      same(
        [undone.revision.number, undone.revision.undoes, undone.added, undone.changed, undone.removed],
        [3, 2, 1, 1, 1],
        "undo revision"
      )
      const head = yield* store.load("jai")
      same(
        bodiesOf(head.items),
        bodiesOf(seedItems),
        "back to the state before revision 2, in the same order"
      )
      same((yield* store.load("jai", { revision: 2 })).items.length, 4, "the bad edit stays in history")
    })
  },
  {
    name: "undo is refused when the items it would put back changed since",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      yield* store.commit("jai", 1, [{ kind: "actor", id: "jai", body: { name: "v2" } }], analyst("edit"))
      yield* store.commit(
        "jai",
        2,
        [{ kind: "actor", id: "jai", body: { name: "v3" } }],
        analyst("edit again")
      )
      const refused = yield* failsWith(
        store.undo("jai", 2, 3, analyst("undo the first edit")),
        "InvalidChange"
      )
      check(refused.message.includes("revision 3"), refused.message)
      const stale = yield* failsWith(
        store.undo("jai", 3, 2, analyst("undo based on an old head")),
        "Conflict"
      )
      check(stale.message.includes("revision 2") && stale.message.includes("revision 3"), stale.message)
    })
  },
  {
    name: "two writers on one case: the second, stale write gets a conflict and no update is lost",
    run: Effect.gen(function* () {
      const harness = yield* Harness
      yield* withSeed
      const alice = yield* harness.open()
      const bob = yield* harness.open()
      const aliceBase = (yield* alice.load("jai")).revision.number
      const bobBase = (yield* bob.load("jai")).revision.number
      yield* alice.commit(
        "jai",
        aliceBase,
        [{ kind: "actor", id: "jai-syria", body: { name: "Alice's wording", parent: "jai" } }],
        { author: "alice", reason: "reword", at: at("2015-01-09T11:00:00.000Z") }
      )
      const conflict = yield* failsWith(
        bob.commit(
          "jai",
          bobBase,
          [{ kind: "actor", id: "jai-syria", body: { name: "Bob's wording", parent: "jai" } }],
          { author: "bob", reason: "reword too", at: at("2015-01-09T11:01:00.000Z") }
        ),
        "Conflict"
      )
      same(
        conflict.reason._tag === "Conflict" ? [conflict.reason.basedOn, conflict.reason.head] : [],
        [1, 2],
        "conflict names both revisions"
      )
      check(
        conflict.message.includes("alice") &&
          conflict.message.includes("reword") &&
          conflict.message.includes("Nothing was saved"),
        conflict.message
      )
      const head = yield* bob.load("jai")
      same(head.revision.number, 2, "head is Alice's revision")
      same(
        head.items.find((item) => item.id === "jai-syria")?.body,
        { name: "Alice's wording", parent: "jai" },
        "Alice's change is kept"
      )
    })
  },
  {
    name: "the revision guard refuses a write that lost the race after its checks passed",
    run: Effect.gen(function* () {
      const harness = yield* Harness
      yield* withSeed
      const alice = yield* harness.open()
      // Bob's connection lets Alice save in the gap between Bob's checks and his write.
      const bob = yield* harness.open({
        wrapBackend: (backend) => ({
          ...backend,
          atomically: (statements, options) =>
            Effect.andThen(
              Effect.orDie(
                alice.commit(
                  "jai",
                  1,
                  [{ kind: "actor", id: "jai", body: { name: "Alice got there first" } }],
                  {
                    author: "alice",
                    reason: "race",
                    at: at("2015-01-09T11:00:00.000Z")
                  }
                )
              ),
              backend.atomically(statements, options)
            )
        })
      })
      const conflict = yield* failsWith(
        bob.commit(
          "jai",
          1,
          [
            { kind: "actor", id: "jai", body: { name: "Bob's version" } },
            { kind: "actor", id: "bob-only", body: { name: "Bob's new actor" } }
          ],
          analyst("racing")
        ),
        "Conflict"
      )
      same(conflict.reason._tag === "Conflict" ? conflict.reason.head : -1, 2, "head after the race")
      const head = yield* alice.load("jai")
      same(
        head.items.find((item) => item.id === "jai")?.body,
        { name: "Alice got there first" },
        "Alice's write"
      )
      check(
        head.items.every((item) => item.id !== "bob-only"),
        "nothing of Bob's write was applied"
      )
    })
  },
  {
    name: "two cases created at the same moment are both saved",
    run: Effect.gen(function* () {
      const harness = yield* Harness
      const store = yield* opened
      let raced = false
      // This connection lets another writer create a case between its checks and its write.
      const racing = yield* harness.open({
        wrapBackend: (backend) => ({
          ...backend,
          atomically: (statements, options) =>
            raced
              ? backend.atomically(statements, options)
              : Effect.andThen(
                  Effect.sync(() => {
                    raced = true
                  }),
                  Effect.andThen(
                    Effect.orDie(store.createCase("first", seedItems, analyst("first"))),
                    backend.atomically(statements, options)
                  )
                )
        })
      })
      yield* racing.createCase("second", seedItems, analyst("second"))
      same(
        (yield* store.listCases).map((c) => c.name),
        ["first", "second"],
        "both cases"
      )
      same((yield* store.load("second")).items.length, seedItems.length, "the second case is whole")
    })
  },
  {
    name: "a write that fails part-way leaves the store exactly as it was",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const before = yield* fingerprint(store)
      const harness = yield* Harness
      const broken = yield* harness.open({
        wrapBackend: (backend, sql) => ({
          ...backend,
          atomically: (statements, options) => {
            const half = Math.ceil(statements.length / 2)
            const poisoned: Array<Statement<unknown>> = [
              ...statements.slice(0, half),
              sql`INSERT INTO no_such_table VALUES (1)`,
              ...statements.slice(half)
            ]
            return backend.atomically(poisoned, options)
          }
        })
      })
      const many = Array.from({ length: 300 }, (_, i) => ({ kind: "claim", id: `c${i}`, body: { n: i } }))
      yield* failsWith(broken.commit("jai", 1, many, analyst("doomed")), "Unavailable")
      yield* failsWith(broken.createCase("doomed", many, analyst("doomed")), "Unavailable")
      same(yield* fingerprint(store), before, "database unchanged")
    })
  },
  {
    name: "re-importing a whole case records only what differs",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const edited: Array<ItemInput> = [
        ...seedItems
          .filter((item) => item.id !== "ansarulsham")
          .map((item) =>
            item.id === "s449" ? { ...item, body: { serial: "Statement 449", disputed: true } } : item
          ),
        { kind: "observation", id: "photos", body: { what: "graduation photos" } }
      ]
      const result = yield* store.replaceAll("jai", 1, edited, analyst("re-import"))
      same(
        [result.revision.number, result.added, result.changed, result.removed],
        [2, 1, 1, 1],
        "diff counts"
      )
      same(bodiesOf((yield* store.load("jai")).items), bodiesOf(edited), "head equals the file")
      const again = yield* store.replaceAll("jai", 2, edited, analyst("same file again"))
      same(again.revision.number, 2, "identical re-import makes no revision")
      yield* failsWith(store.replaceAll("jai", 1, seedItems, analyst("stale import")), "Conflict")
      const staleButSame = yield* store.replaceAll("jai", 1, edited, analyst("stale, but nothing to change"))
      same(staleButSame.revision.number, 2, "a stale write that changes nothing is no conflict")
    })
  },
  {
    name: "a load can leave out the bodies the caller already holds",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      yield* store.commit("jai", 1, [{ kind: "actor", id: "jai", body: { name: "v2" } }], analyst("edit"))
      const few = yield* store.load("jai", undefined, { skipBody: (item) => item.since === 1 })
      same(
        few.items.map((item) => [item.id, item.since, item.body === undefined ? "skipped" : item.body]),
        [
          ["jai", 2, { name: "v2" }],
          ["jai-syria", 1, "skipped"],
          ["ansarulsham", 1, "skipped"],
          ["s449", 1, "skipped"]
        ],
        "only the new version's body is read"
      )
      const most = yield* store.load("jai", { revision: 1 }, { skipBody: (item) => item.id === "s449" })
      same(
        most.items.map((item) => (item.body === undefined ? "skipped" : item.id)),
        ["jai", "jai-syria", "ansarulsham", "skipped"],
        "at an earlier revision too"
      )
    })
  },
  {
    name: "a damaged item body is reported by name, not returned",
    run: Effect.gen(function* () {
      const harness = yield* Harness
      const store = yield* withSeed
      yield* harness.raw("UPDATE item_versions SET body = '{\"serial\": ' WHERE item_id = 's449'")
      const error = yield* failsWith(store.load("jai"), "Corrupt")
      check(
        error.message.includes('statement "s449"') && error.message.includes("not valid JSON"),
        error.message
      )
    })
  },
  {
    name: "looks up single items, including several at once",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const [jai, s449, ghost] = yield* Effect.all(
        [
          store.getItem("jai", "actor", "jai"),
          store.getItem("jai", "statement", "s449"),
          store.getItem("jai", "actor", "ghost")
        ],
        { concurrency: "unbounded" }
      )
      same(
        Option.map(jai, (item) => item.body),
        Option.some(seedItems[0]?.body),
        "actor jai"
      )
      same(
        Option.map(s449, (item) => item.since),
        Option.some(1),
        "statement s449"
      )
      check(Option.isNone(ghost), "no ghost")
    })
  },
  {
    name: "imports a larger case in chunks that fit the database's parameter limit",
    run: Effect.gen(function* () {
      const store = yield* opened
      const items = Array.from({ length: 2_000 }, (_, i) => ({
        kind: i % 2 === 0 ? "statement" : "claim",
        id: `item-${i}`,
        body: { text: `body ${i}`, n: i }
      }))
      yield* store.createCase("big", items, analyst("bulk"))
      const changes = items.slice(0, 700).map((item) => ({ ...item, body: { ...item.body, edited: true } }))
      const result = yield* store.commit("big", 1, changes, analyst("bulk edit"))
      same(result.changed, 700, "changed")
      const head = yield* store.load("big")
      same(head.items.length, 2_000, "all items")
      same(head.items[0]?.body, { text: "body 0", n: 0, edited: true }, "first item edited")
      same(head.items[1_999]?.body, { text: "body 1999", n: 1999 }, "last item untouched")
      same((yield* store.load("big", { revision: 1 })).items[0]?.body, { text: "body 0", n: 0 }, "revision 1")
    })
  },
  {
    name: "refuses a store written by a newer version, leaving it untouched",
    run: Effect.gen(function* () {
      const harness = yield* Harness
      const store = yield* withSeed
      yield* harness.raw(
        "INSERT INTO allegiance_migrations (migration_id, name) VALUES (99, 'from_the_future')"
      )
      const before = yield* fingerprint(store)
      const error = yield* failsWith(harness.open(), "NewerStore")
      check(error.message.includes("newer version of Allegiance"), error.message)
      same(yield* fingerprint(store), before, "untouched")
    })
  },
  {
    name: "refuses a database that holds someone else's tables",
    run: Effect.gen(function* () {
      const harness = yield* Harness
      yield* harness.raw("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
      const error = yield* failsWith(harness.open(), "Corrupt")
      check(error.message.includes("invoices"), error.message)
      const tables = yield* harness.raw("SELECT name FROM sqlite_master WHERE name = 'cases'")
      same(tables.length, 0, "no store tables were added")
    })
  },
  {
    name: "enforces the history's integrity in the schema",
    run: Effect.gen(function* () {
      const harness = yield* Harness
      const store = yield* withSeed
      yield* store.commit(
        "jai",
        1,
        [{ kind: "actor", id: "jai-syria", body: { name: "v2" } }],
        analyst("edit")
      )
      const attempts = [
        // A revision whose parent is not the one before it.
        "INSERT INTO revisions (case_id, number, parent, author, at, reason) VALUES (1, 3, 1, 'x', 'x', 'x')",
        // A version written by a revision that does not exist.
        "INSERT INTO item_versions (case_id, kind, item_id, ordinal, body, valid_from) VALUES (1, 'actor', 'z', 9, '{}', 7)",
        // A second current version of the same item.
        "INSERT INTO item_versions (case_id, kind, item_id, ordinal, body, valid_from) VALUES (1, 'actor', 'jai', 1, '{}', 2)",
        // A version that ends before it starts.
        "UPDATE item_versions SET valid_until = 1 WHERE item_id = 'jai-syria' AND valid_from = 2"
      ]
      for (const statement of attempts) {
        const result = yield* Effect.result(harness.raw(statement))
        check(result._tag === "Failure", `the database accepted: ${statement}`)
      }
    })
  },
  {
    name: "under the case rules, a change that breaks the model is refused, naming the item and field, and nothing is saved",
    run: Effect.gen(function* () {
      const store = yield* withModelCase
      const before = yield* fingerprint(store)
      const refused = (changes: ReadonlyArray<ItemChange>, ...expected: ReadonlyArray<string>) =>
        Effect.gen(function* () {
          const error = yield* failsWith(
            store.commit("model", 1, changes, analyst("a bad edit")),
            "InvalidChange"
          )
          for (const text of expected)
            check(error.message.includes(text), `message says ${text}: ${error.message}`)
          same(yield* fingerprint(store), before, "nothing was saved")
        })
      // A field of the wrong type, and one the model does not know.
      yield* refused(
        [{ kind: "actors", id: "a1", body: { ...actorBody("a1", "x"), name: 7 } }],
        'actor "a1": name:'
      )
      yield* refused(
        [{ kind: "actors", id: "a1", body: { ...actorBody("a1", "x"), nmae: "x" } }],
        'actor "a1": nmae: This field is not part of a case (check its spelling)'
      )
      // A reference to nothing, made directly or left behind by a removal.
      yield* refused(
        [{ kind: "channels", id: "ch", body: { ...channelBody, speaksFor: "ghost" } }],
        'channel "ch": speaksFor: "ghost" names nothing'
      )
      yield* refused(
        [{ kind: "actors", id: "a0", body: null }],
        'channel "ch": speaksFor: "a0" names nothing'
      )
      // A kind a case does not hold, a body saved under another id, the case's own section removed.
      yield* refused(
        [{ kind: "widgets", id: "w", body: {} }],
        'widgets "w": a case holds no items of this kind'
      )
      yield* refused(
        [{ kind: "actors", id: "a1", body: actorBody("a9", "x") }],
        'actor "a1": id: the item says "a9"'
      )
      yield* refused([{ kind: "case", id: "case", body: null }], "cannot be removed")
      // A change the model accepts is saved as ever.
      const saved = yield* store.commit(
        "model",
        1,
        [{ kind: "actors", id: "a1", body: actorBody("a1", "Renamed group") }],
        analyst("a good edit")
      )
      same([saved.revision.number, saved.changed], [2, 1], "the valid change was saved")
    })
  },
  {
    name: "under the case rules, a new case, a replacement and an undo are held to the model too",
    run: Effect.gen(function* () {
      const store = yield* withModelCase
      const noSection = yield* failsWith(
        store.createCase("bare", [{ kind: "actors", id: "a0", body: actorBody("a0", "A") }], analyst("new")),
        "InvalidChange"
      )
      check(noSection.message.includes("needs its own section"), noSection.message)
      const dangling = yield* failsWith(
        store.replaceAll(
          "model",
          1,
          smallCaseItems("model", 1).concat([
            { kind: "channels", id: "ch", body: { ...channelBody, speaksFor: "a1" } }
          ]),
          analyst("replace")
        ),
        "InvalidChange"
      )
      check(dangling.message.includes('channel "ch": speaksFor: "a1" names nothing'), dangling.message)
      same(
        (yield* store.listCases).map((c) => [c.name, c.head.number]),
        [["model", 1]],
        "nothing was saved"
      )
      // Revision 2 adds an actor, revision 3 a channel speaking for it: undoing 2 would strand the channel.
      yield* store.commit(
        "model",
        1,
        [{ kind: "actors", id: "a5", body: actorBody("a5", "Five") }],
        analyst("add a5")
      )
      yield* store.commit(
        "model",
        2,
        [{ kind: "channels", id: "ch5", body: { ...channelBody, id: "ch5", speaksFor: "a5" } }],
        analyst("add ch5")
      )
      const undone = yield* failsWith(store.undo("model", 2, 3, analyst("undo a5")), "InvalidChange")
      check(undone.message.includes('channel "ch5": speaksFor: "a5" names nothing'), undone.message)
      same((yield* store.head("model")).number, 3, "the refused undo saved nothing")
      const undoChannel = yield* store.undo("model", 3, 3, analyst("undo ch5"))
      same([undoChannel.revision.number, undoChannel.removed], [4, 1], "an undo the model accepts is saved")
    })
  },
  {
    name: "keeps a digest of a revision and hands it back with the items changed since, net of what came and went",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const bytesOf = (found: Option.Option<{ readonly bytes: Uint8Array }>) =>
        Option.isSome(found) ? Array.from(found.value.bytes) : undefined
      same(Option.isNone(yield* store.digest("jai", "lists", 10)), true, "no digest kept yet")
      yield* store.keepDigest("jai", "lists", 1, Uint8Array.from([1, 2, 3, 250, 5]))
      const kept = yield* store.digest("jai", "lists", 10)
      same(bytesOf(kept), [1, 2, 3, 250, 5], "the bytes kept")
      same(
        Option.map(kept, (found) => [found.revision, found.head.number, found.changes]),
        Option.some([1, 1, []]),
        "of revision 1, the head: nothing changed since"
      )
      yield* store.commit(
        "jai",
        1,
        [
          { kind: "actor", id: "jai-syria", body: { name: "JAI in Syria, renamed" } },
          { kind: "actor", id: "new", body: { name: "A new group" } }
        ],
        analyst("rename, add")
      )
      yield* store.commit("jai", 2, [{ kind: "channel", id: "ansarulsham", body: null }], analyst("remove"))
      yield* store.commit("jai", 3, [{ kind: "actor", id: "new", body: null }], analyst("remove again"))
      const later = yield* store.digest("jai", "lists", 10)
      same(
        Option.map(later, (found) => [found.revision, found.head.number, found.changes]),
        Option.some([
          1,
          4,
          [
            { kind: "actor", id: "jai-syria", body: { name: "JAI in Syria, renamed" } },
            { kind: "channel", id: "ansarulsham", body: null }
          ]
        ]),
        "the net changes since revision 1, in the order the items entered (the new group came and went)"
      )
      same(Option.isNone(yield* store.digest("jai", "lists", 1)), true, "more changes than the reader takes")
      yield* store.keepDigest("jai", "lists", 4, Uint8Array.from([4]))
      yield* store.keepDigest("jai", "lists", 2, Uint8Array.from([2]))
      yield* store.keepDigest("jai", "lists", 99, Uint8Array.from([99]))
      const latest = yield* store.digest("jai", "lists", 10)
      same(bytesOf(latest), [4], "an older revision's digest, or a revision the case lacks, replaces nothing")
      same(
        Option.map(latest, (found) => found.changes),
        Option.some([]),
        "nothing changed since revision 4"
      )
      same(Option.isNone(yield* store.digest("jai", "other", 10)), true, "digests are kept by name")
    })
  },
  {
    name: "does not hand back a digest changed outside Allegiance",
    run: Effect.gen(function* () {
      const store = yield* withSeed
      const harness = yield* Harness
      yield* store.keepDigest("jai", "lists", 1, new TextEncoder().encode("what the lists show"))
      same(Option.isSome(yield* store.digest("jai", "lists", 10)), true, "kept")
      yield* harness.raw("UPDATE case_digests SET body = CAST('what the lists hide' AS BLOB)")
      same(Option.isNone(yield* store.digest("jai", "lists", 10)), true, "its bytes no longer match")
      // A reader that worked the digest out again replaces it.
      yield* store.keepDigest("jai", "lists", 1, new TextEncoder().encode("what the lists show"))
      same(Option.isSome(yield* store.digest("jai", "lists", 10)), true, "kept again")
    })
  },
  {
    name: "keeps the digests a whole write brings in the same transaction as its revision, or none of it",
    run: Effect.gen(function* () {
      const store = yield* opened
      const digest = (byte: number) => ({ digests: [{ name: "lists", bytes: Uint8Array.from([byte]) }] })
      const kept = (found: Option.Option<{ readonly revision: number; readonly bytes: Uint8Array }>) =>
        Option.map(found, (value) => [value.revision, Array.from(value.bytes)])
      yield* store.createCase("jai", seedItems, analyst("first encoding"), digest(1))
      same(kept(yield* store.digest("jai", "lists", 10)), Option.some([1, [1]]), "with the new case")
      const again = seedItems.map((item) =>
        item.id === "jai" ? { ...item, body: { name: "Jamaat Ansar al-Islam (JAI)" } } : item
      )
      yield* store.replaceAll("jai", 1, again, analyst("imported again"), digest(2))
      same(kept(yield* store.digest("jai", "lists", 10)), Option.some([2, [2]]), "with the replacement")
      // A stale replacement is refused whole: its digest is not kept either.
      yield* failsWith(store.replaceAll("jai", 1, seedItems, analyst("stale"), digest(3)), "Conflict")
      same(kept(yield* store.digest("jai", "lists", 10)), Option.some([2, [2]]), "the refused write kept nothing")
    })
  }
]
