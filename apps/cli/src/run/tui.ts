/**
 * The terminal UI, when standard input and output are a terminal; otherwise (a pipe, a script, CI
 * without a terminal) the case's text overview, so that `allegiance | less` and scripts still work.
 * Ink and React are loaded only in the first case. The case is the local store's, or with `--api` a
 * server's (`allegiance serve`), which then reads, reasons and saves.
 */
import { existsSync } from "node:fs"
import { bundledCaseId } from "@allegiance/case-file"
import type { IsoDay } from "@allegiance/domain"
import { currentStorePath } from "@allegiance/store"
import { Console, Effect, Option } from "effect"
import type { TuiInput } from "../commands/tui.ts"
import { overview } from "./overview.ts"
import { defaultAuthor } from "./store-access.ts"

const today = () => new Date().toISOString().slice(0, 10) as IsoDay

/** Whether the UI can run: both ends of the terminal are there. */
export const interactiveTerminal = (): boolean =>
  process.stdout.isTTY === true && process.stdin.isTTY === true

const refuse = (message: string) =>
  Effect.andThen(
    Console.error(message),
    Effect.sync(() => {
      process.exitCode = 1
    })
  )

/** The UI (or the overview) on a case of the server at `url`. */
const served = (url: string, input: TuiInput) =>
  Effect.gen(function* () {
    const token = Option.getOrUndefined(input.token) ?? process.env.ALLEGIANCE_TOKEN ?? ""
    if (token.trim() === "")
      return yield* refuse(
        "--api needs a token: give --token TOKEN (or set $ALLEGIANCE_TOKEN), one made on the server's store " +
          "with: allegiance token create --scope write (read, to look only)."
      )
    let baseUrl: URL
    try {
      baseUrl = new URL(url)
    } catch {
      return yield* refuse(`--api ${url} is not an address: give one like http://127.0.0.1:8787.`)
    }
    if (baseUrl.protocol !== "http:" && baseUrl.protocol !== "https:")
      return yield* refuse(`--api ${url} is not an http:// or https:// address.`)
    if (Option.isSome(input.db))
      return yield* refuse("--api works on the server's store, and --db on a local one: give one of them.")
    const caseName = Option.getOrElse(input.case, bundledCaseId)
    const address = baseUrl.origin
    if (!interactiveTerminal()) {
      const { remoteOverview } = yield* Effect.promise(() => import("./remote-overview.ts"))
      return yield* remoteOverview(address, token.trim(), caseName)
    }
    const { remoteAccess, startTui } = yield* Effect.promise(() => import("@allegiance/tui"))
    const access = remoteAccess({ baseUrl: address, token: token.trim(), caseName })
    yield* Effect.promise(() =>
      startTui({ access, asOf: Option.getOrElse(input.asOf, today), interactive: true })
    )
  })

export const tui = (input: TuiInput) =>
  Effect.gen(function* () {
    const { case: caseName, db, asOf } = input
    if (Option.isSome(caseName) && existsSync(caseName.value)) {
      yield* Console.error(
        `${caseName.value} is a case file; the terminal UI works on cases in the store, where every change is ` +
          `a revision. Store it first with: allegiance import ${caseName.value}, then: allegiance tui <its case id>.`
      )
      return yield* Effect.sync(() => {
        process.exitCode = 1
      })
    }
    if (Option.isSome(input.api)) return yield* served(input.api.value, input)
    if (!interactiveTerminal()) return yield* overview({ db, case: caseName })
    const { localAccess, startTui } = yield* Effect.promise(() => import("@allegiance/tui"))
    const access = localAccess({
      filename: currentStorePath(Option.getOrUndefined(db)),
      caseName: Option.getOrElse(caseName, bundledCaseId),
      author: defaultAuthor(),
      // The worker's own bundle, beside this chunk in the installed command (see scripts/build.ts).
      workerUrl: new URL("./tui-worker.js", import.meta.url)
    })
    yield* Effect.promise(() => startTui({ access, asOf: Option.getOrElse(asOf, today), interactive: true }))
  })
