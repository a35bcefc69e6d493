/**
 * A store file with the edge API's tables beside it, for `allegiance serve` and `allegiance token`:
 * one connection serves both.
 */
import { Layer } from "effect"
import { type EdgeTables, edgeTablesLayer } from "./edge-tables.ts"
import type { StoreError } from "./errors.ts"
import { backend, type FileStoreOptions } from "./node.ts"
import { openedStore } from "./open.ts"
import type { Store } from "./store.ts"

export const layer = (options: FileStoreOptions): Layer.Layer<Store | EdgeTables, StoreError> =>
  Layer.merge(
    openedStore({ checkIntegrity: options.checkIntegrity, onCreate: options.onCreate, rules: options.rules }),
    edgeTablesLayer
  ).pipe(Layer.provide(backend(options.filename)))
