import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { sharedDirectory } from "@allegiance/vitest-config"
import {
  extensionOf,
  type Framework,
  groundedLabelling,
  type IccmaProblem,
  type Instance,
  iccmaProblems,
  needsArgument,
  parseInstance,
  solveIccmaTask
} from "../../src/argumentation/index.ts"

// The real ICCMA instances in ../shared/data/iccma: every task must run without error, and
// answers must agree with one another and with independent checks of the extensions they
// print. On the dense instance a search may end with "no answer" at the time limit; that is
// accepted, a wrong answer never is.
const folder = join(sharedDirectory, "data", "iccma")
const instances = readdirSync(folder).filter((name) => name.endsWith(".af"))
const LIMIT_MS = 5_000

const inSet = (framework: Framework, set: ReadonlyArray<number>): Uint8Array => {
  const mask = new Uint8Array(framework.size)
  for (const x of set) mask[x] = 1
  return mask
}

/** Arguments attacked by the set, in one pass over the attacks. */
const attackedBy = (framework: Framework, mask: Uint8Array): Uint8Array => {
  const hit = new Uint8Array(framework.size)
  for (let y = 0; y < framework.size; y++) {
    if (mask[y] !== 1) continue
    const end = framework.attackedStart[y + 1]!
    for (let i = framework.attackedStart[y]!; i < end; i++) hit[framework.attacked[i]!] = 1
  }
  return hit
}

const allAttackersHit = (framework: Framework, hit: Uint8Array, x: number): boolean => {
  const end = framework.attackersStart[x + 1]!
  for (let i = framework.attackersStart[x]!; i < end; i++)
    if (hit[framework.attackers[i]!] !== 1) return false
  return true
}

const check = (framework: Framework, set: ReadonlyArray<number>) => {
  const mask = inSet(framework, set)
  const hit = attackedBy(framework, mask)
  const conflictFree = set.every((x) => hit[x] !== 1)
  const admissible = conflictFree && set.every((x) => allAttackersHit(framework, hit, x))
  let complete = admissible
  let stable = conflictFree
  for (let x = 0; x < framework.size; x++) {
    if (mask[x] === 1) continue
    if (complete && allAttackersHit(framework, hit, x)) complete = false
    if (hit[x] !== 1) stable = false
  }
  return { conflictFree, admissible, complete, stable }
}

type Answer =
  | { readonly kind: "none" }
  | { readonly kind: "extension"; readonly set: Array<number> }
  | { readonly kind: "yes" | "no"; readonly witness?: Array<number> }
  | { readonly kind: "no-stable" }

const run = (instance: Instance, problem: IccmaProblem, argument?: number): Answer => {
  const deadline = Date.now() + LIMIT_MS
  const outcome = solveIccmaTask(instance, problem, argument, {
    shouldStop: () => Date.now() >= deadline,
    certificate: true
  })
  if (!outcome.decided) return { kind: "none" }
  const lines = outcome.value.split("\n")
  expect(lines.pop()).toBe("")
  for (const line of lines) expect(line).toMatch(/^(w( [1-9][0-9]*)*|YES|NO)$/)
  const witness = lines[1]
    ?.split(" ")
    .slice(1)
    .map((name) => instance.argumentNamed(name)!)
  if (lines[0]!.startsWith("w"))
    return {
      kind: "extension",
      set: lines[0]!
        .split(" ")
        .slice(1)
        .map((n) => instance.argumentNamed(n)!)
    }
  if (problem === "SE-ST") return { kind: "no-stable" }
  const kind = lines[0] === "YES" ? "yes" : "no"
  return witness === undefined ? { kind } : { kind, witness }
}

describe.each(instances)("ICCMA instance %s", (name) => {
  const parsed = parseInstance(readFileSync(join(folder, name)))
  if (!parsed.ok)
    throw new Error(`${name}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`)
  const instance = parsed.instance
  const framework = instance.framework
  const grounded = extensionOf(groundedLabelling(framework))
  const groundedMask = inSet(framework, [...grounded])
  const n = framework.size
  const queries = name.startsWith("st_") ? [0] : [...new Set([0, 1, Math.floor(n / 2), n - 1])]

  it("reads the whole file", () => {
    expect(n).toBeGreaterThan(0)
    expect(framework.attackCount).toBeGreaterThan(0)
  })

  it("runs every task, and SE answers are extensions of their semantics", () => {
    for (const problem of iccmaProblems.filter((p) => !needsArgument(p))) {
      const answer = run(instance, problem)
      if (answer.kind === "none") {
        expect(name.startsWith("st_"), `${problem} on ${name} needs no time limit`).toBe(true)
        continue
      }
      if (answer.kind === "no-stable") continue
      expect(answer.kind).toBe("extension")
      if (answer.kind !== "extension") continue
      const verdict = check(framework, answer.set)
      if (problem === "SE-GR") expect(answer.set).toEqual([...grounded])
      if (problem === "SE-CO" || problem === "SE-PR") expect(verdict.complete).toBe(true)
      if (problem === "SE-ST") expect(verdict.stable).toBe(true)
      // Grounded is contained in every complete extension.
      const answerMask = inSet(framework, answer.set)
      expect(grounded.every((g) => answerMask[g] === 1)).toBe(true)
    }
  })

  it.each(queries)("acceptance answers for argument index %i agree with each other", (x) => {
    const answers = Object.fromEntries(
      iccmaProblems.filter(needsArgument).map((problem) => [problem, run(instance, problem, x)])
    ) as Record<IccmaProblem, Answer>
    const decided = (p: IccmaProblem) => answers[p].kind !== "none"
    // Sceptical complete is exactly membership of the grounded extension.
    expect(answers["DS-CO"].kind).toBe(groundedMask[x] === 1 ? "yes" : "no")
    // Credulous complete and credulous preferred are the same question.
    if (decided("DC-CO") && decided("DC-PR")) expect(answers["DC-CO"].kind).toBe(answers["DC-PR"].kind)
    for (const problem of ["DC-CO", "DC-PR", "DC-ST"] as const) {
      const a = answers[problem]
      if (a.kind === "yes") {
        expect(a.witness).toContain(x)
        const verdict = check(framework, a.witness!)
        expect(problem === "DC-ST" ? verdict.stable : verdict.complete).toBe(true)
      }
      if (a.kind === "no") expect(groundedMask[x]).toBe(0)
    }
    for (const problem of ["DS-PR", "DS-ST"] as const) {
      const a = answers[problem]
      if (a.kind === "no") {
        expect(a.witness).not.toContain(x)
        const verdict = check(framework, a.witness!)
        expect(problem === "DS-ST" ? verdict.stable : verdict.complete).toBe(true)
      }
      if (a.kind === "yes" && problem === "DS-PR")
        expect(answers["DC-PR"].kind === "yes" || !decided("DC-PR")).toBe(true)
    }
    // Sceptical preferred implies credulous preferred; grounded members are accepted everywhere.
    if (groundedMask[x] === 1) {
      for (const problem of ["DC-CO", "DC-PR", "DS-PR"] as const) {
        expect(answers[problem].kind).toBe("yes")
      }
    }
    // No stable extension: DC-ST is NO and DS-ST is (vacuously) YES.
    const se = run(instance, "SE-ST")
    if (se.kind === "no-stable") {
      if (decided("DC-ST")) expect(answers["DC-ST"].kind).toBe("no")
      if (decided("DS-ST")) expect(answers["DS-ST"].kind).toBe("yes")
    }
    if (se.kind === "extension" && answers["DS-ST"].kind === "yes") expect(se.set).toContain(x)
    if (!name.startsWith("st_")) {
      for (const problem of iccmaProblems.filter(needsArgument)) expect(decided(problem), problem).toBe(true)
    }
  })
})
