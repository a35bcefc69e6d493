/**
 * Values read from the database, kept in memory while its change mark (see `StoreBackendShape`) stays
 * the same: a lookup made on every request (a case's row and head, a token) costs a query only after
 * something was written. Without a mark (D1), nothing is kept and every lookup is a query.
 */
import { Effect } from "effect"

export interface ChangeMemo<K, V> {
  /** `read`'s value for `key`: the one kept, when nothing changed since it was read. */
  readonly through: <E, R>(key: K, read: Effect.Effect<V, E, R>) => Effect.Effect<V, E, R>
}

export const changeMemo = <K, V>(mark: (() => string) | undefined, capacity = 1024): ChangeMemo<K, V> => {
  if (mark === undefined) return { through: (_, read) => read }
  let seen: string | undefined
  const values = new Map<K, V>()
  return {
    through: (key, read) =>
      Effect.suspend(() => {
        // Taken before the query: a write between the two moves the mark, and the value is dropped.
        const at = mark()
        if (at !== seen) {
          values.clear()
          seen = at
        } else if (values.has(key)) return Effect.succeed(values.get(key) as V)
        return Effect.tap(read, (value) =>
          Effect.sync(() => {
            if (seen !== at) return
            if (values.size >= capacity) values.delete(values.keys().next().value as K)
            values.set(key, value)
          })
        )
      })
  }
}
