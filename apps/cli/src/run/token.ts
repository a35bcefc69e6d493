/** `allegiance token create | list | revoke`: the access tokens of allegiance serve, kept hashed in the store. */
import { issueToken } from "@allegiance/service/tokens"
import { currentStorePath, seedBundledCase } from "@allegiance/store"
import * as EdgeNode from "@allegiance/store/edge-node"
import { EdgeTables } from "@allegiance/store/edge-tables"
import { Console, Effect, Option } from "effect"
import type { TokenCreateInput, TokenListInput, TokenRevokeInput } from "../commands/token.ts"
import { reportStoreError } from "./store-access.ts"

const tablesLayer = (db: Option.Option<string>) =>
  EdgeNode.layer({ filename: currentStorePath(Option.getOrUndefined(db)), onCreate: seedBundledCase })

export const create = (input: TokenCreateInput) =>
  Effect.gen(function* () {
    const issued = yield* issueToken({
      scope: input.scope,
      cases: input.case,
      label: Option.getOrUndefined(input.label)
    })
    const reach = issued.row.cases === undefined ? "every case" : `case ${issued.row.cases.join(", ")}`
    yield* Console.error(
      `Made token ${issued.row.id} (${issued.row.scope}, ${reach}, "${issued.row.label}"). ` +
        "It is printed below once and cannot be shown again: keep it somewhere safe."
    )
    yield* Console.log(issued.token)
  }).pipe(Effect.provide(tablesLayer(input.db)), Effect.catchTag("StoreError", reportStoreError))

export const list = (input: TokenListInput) =>
  Effect.gen(function* () {
    const tokens = yield* (yield* EdgeTables).listTokens
    if (tokens.length === 0)
      return yield* Console.log("No tokens yet: make one with allegiance token create --scope read.")
    const rows = tokens.map((token) => [
      token.id,
      token.scope,
      token.cases === undefined ? "every case" : token.cases.join(","),
      token.label,
      token.createdAt.slice(0, 16).replace("T", " "),
      token.revokedAt === undefined ? "live" : `revoked ${token.revokedAt.slice(0, 16).replace("T", " ")}`
    ])
    const header = ["id", "scope", "cases", "label", "made (UTC)", "state"]
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => row[column]!.length))
    )
    const line = (row: ReadonlyArray<string>) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd()
    yield* Console.log([line(header), ...rows.map(line)].join("\n"))
  }).pipe(Effect.provide(tablesLayer(input.db)), Effect.catchTag("StoreError", reportStoreError))

export const revoke = (input: TokenRevokeInput) =>
  Effect.gen(function* () {
    const revoked = yield* (yield* EdgeTables).revokeToken(input.id, new Date().toISOString())
    if (revoked)
      return yield* Console.error(`Revoked token ${input.id}: requests with it are refused from now on.`)
    yield* Console.error(`There is no live token with id ${input.id} (see allegiance token list).`)
    process.exitCode = 1
  }).pipe(Effect.provide(tablesLayer(input.db)), Effect.catchTag("StoreError", reportStoreError))
