/**
 * A D1 database as the edge API's store on Workers: the cases and the API's own tables over one D1
 * client. Imported on its own, so that a Worker bundle holds nothing of Node.
 */
import * as D1Client from "@effect/sql-d1/D1Client"
import { Layer } from "effect"
import { backendLayer, type D1StoreOptions } from "./d1.ts"
import { type EdgeTables, edgeTablesLayer } from "./edge-tables.ts"
import type { StoreError } from "./errors.ts"
import { openedStore } from "./open.ts"
import type { Store } from "./store.ts"

export const layer = (options: D1StoreOptions): Layer.Layer<Store | EdgeTables, StoreError> => {
  const client = D1Client.layer({ db: options.db }).pipe(Layer.orDie)
  const base = backendLayer(options.location ?? "the D1 database").pipe(Layer.provideMerge(client))
  return Layer.merge(
    openedStore({ checkIntegrity: options.checkIntegrity, onCreate: options.onCreate, rules: options.rules }),
    edgeTablesLayer
  ).pipe(Layer.provide(base))
}
