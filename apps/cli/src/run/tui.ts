/**
 * The terminal UI, when standard input and output are a terminal; otherwise (a pipe, a script, CI
 * without a terminal) the case's text overview, so that `allegiance | less` and scripts still work.
 * Ink and React are loaded only in the first case.
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

export const tui = ({ case: caseName, db, asOf }: TuiInput) =>
  Effect.gen(function* () {
    if (Option.isSome(caseName) && existsSync(caseName.value)) {
      yield* Console.error(
        `${caseName.value} is a case file; the terminal UI works on cases in the store, where every change is ` +
          `a revision. Store it first with: allegiance import ${caseName.value}, then: allegiance tui <its case id>.`
      )
      return yield* Effect.sync(() => {
        process.exitCode = 1
      })
    }
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
