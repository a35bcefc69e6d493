/**
 * What the shared store suite needs from a database, so that one list of test cases
 * runs on SQLite files under vitest and on D1 inside workerd. Assertions are plain
 * throws: the suite cannot rely on vitest being there.
 */
import { Context, Effect, Layer, type Scope } from "effect"
import { SqlClient } from "effect/sql"
import { StoreBackend, type StoreBackendShape } from "../../src/backend.ts"
import { canonicalJson } from "../../src/canonical-json.ts"
import type { StoreError } from "../../src/errors.ts"
import { openedStore } from "../../src/open.ts"
import { anyItems, type ItemRulesShape, Store, type StoreShape } from "../../src/store.ts"

export interface OpenOptions {
  /** Replaces how this connection applies writes, to put something in their way. */
  readonly wrapBackend?:
    | ((backend: StoreBackendShape, sql: SqlClient.SqlClient) => StoreBackendShape)
    | undefined
  /**
   * What writes must keep true. Default: any items, since most cases test the store's own
   * machinery (history, conflicts) with made-up items; those about the model use `caseRules`.
   */
  readonly rules?: ItemRulesShape | undefined
}

export interface HarnessShape {
  readonly backend: "sqlite-file" | "d1"
  /** An independent connection to the same database, as a second writer would have. */
  readonly open: (options?: OpenOptions) => Effect.Effect<StoreShape, StoreError, Scope.Scope>
  /** Raw SQL on the database, for inspecting rows or setting up damage. */
  readonly raw: (
    sql: string,
    params?: ReadonlyArray<unknown>
  ) => Effect.Effect<ReadonlyArray<Record<string, unknown>>, unknown, Scope.Scope>
}

export class Harness extends Context.Service<Harness, HarnessShape>()("@allegiance/store/test/Harness") {}

/** A harness over any way of connecting to the database under test. */
export const makeHarness = (
  backend: HarnessShape["backend"],
  connect: () => Layer.Layer<SqlClient.SqlClient | StoreBackend, StoreError>
): HarnessShape => ({
  backend,
  open: (options) =>
    Effect.gen(function* () {
      let base = yield* Layer.build(connect())
      if (options?.wrapBackend) {
        const wrapped = options.wrapBackend(
          Context.get(base, StoreBackend),
          Context.get(base, SqlClient.SqlClient)
        )
        base = Context.add(base, StoreBackend, wrapped)
      }
      const store = yield* Layer.build(
        openedStore({ rules: options?.rules ?? anyItems }).pipe(Layer.provide(Layer.succeedContext(base)))
      )
      return Context.get(store, Store)
    }),
  raw: (text, params = []) =>
    Effect.gen(function* () {
      const base = yield* Layer.build(connect())
      const sql = Context.get(base, SqlClient.SqlClient)
      return (yield* sql.unsafe(text, params)) as ReadonlyArray<Record<string, unknown>>
    })
})

export class AssertionFailed extends Error {}

export const check = (condition: boolean, message: string): void => {
  if (!condition) throw new AssertionFailed(message)
}

/** Deep equality through canonical JSON, so key order does not matter. */
export const same = (actual: unknown, expected: unknown, label: string): void => {
  const a = canonicalJson(actual)
  const e = canonicalJson(expected)
  if (a !== e) throw new AssertionFailed(`${label}:\n  expected ${e}\n  actual   ${a}`)
}

/** Runs `effect`, which must fail with a StoreError whose reason has the given tag; returns that error. */
export const failsWith = <A, R>(effect: Effect.Effect<A, StoreError, R>, tag: StoreError["reason"]["_tag"]) =>
  Effect.flatMap(Effect.result(effect), (result) => {
    if (result._tag === "Success") {
      return Effect.die(new AssertionFailed(`expected a ${tag} failure, but it succeeded`))
    }
    const error = result.failure
    if (error.reason._tag !== tag) {
      return Effect.die(
        new AssertionFailed(`expected a ${tag} failure, got ${error.reason._tag}: ${error.message}`)
      )
    }
    return Effect.succeed(error)
  })
