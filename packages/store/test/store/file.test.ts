/** The shared store suite on SQLite files in a temporary directory. */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { afterAll } from "vitest"
import * as NodeStore from "../../src/node.ts"
import { Harness, makeHarness } from "../suite/harness.ts"
import { storeCases } from "../suite/store-suite.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-store-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe("store on a SQLite file", () => {
  for (const [index, suiteCase] of storeCases.entries()) {
    it.effect(suiteCase.name, () => {
      const file = join(directory, `case-${index}`, "allegiance.db")
      const harness = makeHarness("sqlite-file", () => NodeStore.backend(file))
      return suiteCase.run.pipe(Effect.provideService(Harness, harness), Effect.scoped)
    })
  }
})
