/**
 * A `CaseAccess` in the test's own thread: the same reasoning the worker runs (`CaseReasoner`), over a
 * case held in memory with a list of revisions, so that the UI's tests run without a store file or a
 * thread. `failNext` makes the next save or undo fail as a store would (a conflict, a refusal).
 */
import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { Claim, type CaseFile, type IsoDay, Observation, Statement } from "@allegiance/domain"
import { caseOutlineOf, type RevisionFacts } from "@allegiance/present"
import { Result, Schema } from "effect"
import type { AccessProblem, CaseAccess, RevisionStamp } from "../../src/access/case-access.ts"
import { CaseReasoner, caseWithEdit } from "../../src/reasoning/case-reasoner.ts"

let seed: CaseFile | undefined
/**
 * The bundled case, read once per worker: a case file is an immutable value (an edit makes a new one),
 * so every test can start from the same one instead of parsing the YAML again.
 */
export const seedCase = (): CaseFile => {
  if (seed === undefined) {
    const read = readCaseText(bundledCaseText(), "seed.yaml")
    if (Result.isFailure(read)) throw new Error("the bundled case does not read")
    seed = read.success
  }
  return seed
}

const encoders: Record<"statements" | "claims" | "observations", (item: unknown) => unknown> = {
  statements: Schema.encodeSync(Statement as unknown as Schema.Codec<unknown, unknown>),
  claims: Schema.encodeSync(Claim as unknown as Schema.Codec<unknown, unknown>),
  observations: Schema.encodeSync(Observation as unknown as Schema.Codec<unknown, unknown>)
}

export interface MemoryAccess extends CaseAccess {
  /** The next save or undo fails with this problem. */
  failNext: (problem: AccessProblem) => void
  /** Evaluations wait until released (to see the screen before verdicts). */
  holdEvaluations: () => () => void
  readonly saves: Array<{ readonly id: string; readonly reason: string; readonly basedOn: number }>
}

export const memoryAccess = (caseFile: CaseFile = seedCase()): MemoryAccess => {
  const reasoner = new CaseReasoner(caseFile)
  const cases: Array<CaseFile> = [caseFile]
  const revisions: Array<RevisionFacts> = [
    {
      number: 1,
      author: "allegiance",
      at: "2026-01-01T10:00:00.000Z",
      reason: "Bundled seed case",
      undoes: null,
      added: 75,
      changed: 0,
      removed: 0
    }
  ]
  const stamp = (): RevisionStamp => {
    const head = revisions.at(-1)!
    return { number: head.number, author: head.author, at: head.at, reason: head.reason }
  }
  let failure: AccessProblem | undefined
  let hold: Promise<void> | undefined
  const saves: MemoryAccess["saves"] = []
  const takeFailure = () => {
    const problem = failure
    failure = undefined
    return problem
  }
  return {
    location: "memory",
    saves,
    failNext: (problem) => {
      failure = problem
    },
    holdEvaluations: () => {
      let release = () => {}
      hold = new Promise((resolve) => {
        release = () => {
          hold = undefined
          resolve()
        }
      })
      return release
    },
    open: async () => ({ ok: true, value: { caseName: "jai-syria-allegiance-2015", revision: stamp() } }),
    outline: async () => ({ ok: true, value: { revision: stamp(), outline: reasoner.outline } }),
    evaluate: async (asOf: IsoDay) => {
      if (hold !== undefined) await hold
      return { ok: true, value: { revision: revisions.length, view: reasoner.view(asOf) } }
    },
    rows: async (kind, asOf) => ({ ok: true, value: reasoner.rows(kind, asOf) }),
    detail: async (id, asOf) => ({ ok: true, value: reasoner.detail(id, asOf) }),
    verdictHistory: (id, until, onProgress) => {
      let stopped = false
      void (async () => {
        for (const progress of reasoner.history(id, until)) {
          if (stopped) return
          onProgress(progress)
          await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      return () => {
        stopped = true
      }
    },
    items: async (wanted) => ({
      ok: true,
      value: wanted.flatMap((item) => {
        const found = (cases.at(-1)![item.section] as ReadonlyArray<{ readonly id: string }>).find(
          (entry) => entry.id === item.id
        )
        return found === undefined ? [] : [{ ...item, body: encoders[item.section](found) }]
      })
    }),
    save: async (edit, reason, basedOn, asOf) => {
      const problem = takeFailure()
      if (problem !== undefined) return { ok: false, problem }
      saves.push({ id: edit.id, reason, basedOn })
      const next = caseWithEdit(cases.at(-1)!, edit)
      reasoner.applyEdit(edit, asOf)
      cases.push(next)
      revisions.push({
        number: revisions.length + 1,
        author: "tester",
        at: "2026-01-02T10:00:00.000Z",
        reason,
        undoes: null,
        added: 1,
        changed: 0,
        removed: 0
      })
      return { ok: true, value: { revision: stamp(), outline: reasoner.outline, view: reasoner.view(asOf) } }
    },
    undo: async (_basedOn, asOf) => {
      const problem = takeFailure()
      if (problem !== undefined) return { ok: false, problem }
      const undone = revisions.at(-1)!
      const restored = cases[cases.length - 2]!
      cases.push(restored)
      reasoner.replaceCase(restored, caseOutlineOf(restored))
      revisions.push({
        number: revisions.length + 1,
        author: "tester",
        at: "2026-01-03T10:00:00.000Z",
        reason: `Undo revision ${undone.number}`,
        undoes: undone.number,
        added: 0,
        changed: 0,
        removed: 1
      })
      return { ok: true, value: { revision: stamp(), outline: reasoner.outline, view: reasoner.view(asOf) } }
    },
    revisions: async () => ({ ok: true, value: [...revisions] }),
    close: async () => {}
  }
}
