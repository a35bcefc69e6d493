/**
 * The worked example of docs/extending.md, end to end, from outside the domain: the case file that holds
 * reported deaths is read, described by its JSON Schema, stored and loaded back, and evaluated whole and
 * incrementally with the kind and the rule this package adds.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { caseFileJsonSchema, formatProblem, readCaseText, writeCaseYaml } from "@allegiance/case-file"
import { exportHeader } from "@allegiance/case-file/export-header"
import { comparableEvaluation } from "@allegiance/case-generator/properties"
import {
  appendToCase,
  type CaseFile,
  caseEvaluator,
  caseFileOfCheckedParts,
  evaluateCase,
  explanationText,
  type IsoDay
} from "@allegiance/domain"
import { exportCaseText, FileStore, importCaseText, loadCaseFile, Store } from "@allegiance/store"
import { Effect, Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { kinds, rules } from "../src/index.ts"

const caseText = readFileSync(new URL("../cases/posthumous-message.yaml", import.meta.url), "utf8")
const fileName = "posthumous-message.yaml"

const read = (text: string, options = { kinds }): CaseFile => {
  const result = readCaseText(text, fileName, options)
  if (Result.isFailure(result)) throw new Error(result.failure.map(formatProblem).join("\n"))
  return result.success
}

const asOf = "2016-03-21" as IsoDay

describe("a case file that holds reported deaths", () => {
  it("is read with the package's kinds, and refused, where the claim is, without them", () => {
    const caseFile = read(caseText)
    expect(caseFile.claims.map((claim) => claim.kind)).toEqual(["reported-death", "reported-death"])
    const death = caseFile.claims[0] as unknown as {
      readonly died: { readonly start: string; readonly precision: string }
    }
    expect(death.died.start).toBe("2016-03-10")
    expect(death.died.precision).toBe("day")
    const withoutKinds = readCaseText(caseText, fileName)
    expect(Result.isFailure(withoutKinds)).toBe(true)
    if (Result.isFailure(withoutKinds))
      expect(withoutKinds.failure.map(formatProblem)).toContainEqual(
        expect.stringMatching(
          /^posthumous-message\.yaml:\d+:\d+: claims\[0\]\.kind: "reported-death" is not a kind of claim\. The kinds of claim are: acceptance, /
        )
      )
  })

  it("is held to what the kind says its fields name, and to its Schema", () => {
    const wrongActor = readCaseText(
      caseText.replace(
        "    actor: abu-yahya\n    died: 10 March 2016\n    manner: killed in an air strike\n",
        "    actor: fajr-media\n    died: 10 March 2016\n    manner: killed in an air strike\n"
      ),
      fileName,
      { kinds }
    )
    expect(
      Result.isFailure(wrongActor) &&
        wrongActor.failure.map((problem) => `${problem.field}: ${problem.message}`)
    ).toEqual(['claims[0].actor: "fajr-media" is a channel, but this field expects an actor.'])
    const noDate = readCaseText(
      caseText.replace(
        "    died: 10 March 2016\n    manner: killed in an air strike\n",
        "    manner: killed in an air strike\n"
      ),
      fileName,
      { kinds }
    )
    expect(Result.isFailure(noDate) && noDate.failure.map((problem) => problem.field)).toContain(
      "claims[0].died"
    )
  })

  it("has a JSON Schema of its own, the built-in one with the kind added (run `pnpm --filter @allegiance/example-reported-death json-schema` after changing it)", () => {
    const checkedIn = readFileSync(new URL("../reported-death.schema.json", import.meta.url), "utf8")
    expect(checkedIn).toBe(caseFileJsonSchema({ kinds }))
    const kindsListed = (schema: string): ReadonlyArray<string> =>
      JSON.parse(schema).properties.claims.items.anyOf.map(
        (member: { properties: { kind: { enum: [string] } } }) => member.properties.kind.enum[0]
      )
    expect(kindsListed(checkedIn)).toEqual([...kindsListed(caseFileJsonSchema()), "reported-death"])
    const death = JSON.parse(checkedIn).properties.claims.items.anyOf.at(-1)
    expect(Object.keys(death.properties)).toEqual(expect.arrayContaining(["actor", "died", "manner"]))
    expect(death.required).toEqual(expect.arrayContaining(["actor", "died"]))
  })

  describe("in a store opened with the package's kinds", () => {
    const directory = mkdtempSync(join(tmpdir(), "allegiance-reported-death-"))
    afterAll(() => rmSync(directory, { recursive: true, force: true }))
    const storeAt = (name: string) =>
      FileStore.layer({ filename: join(directory, name, "allegiance.db"), kinds })
    const run = <A, E>(name: string, effect: Effect.Effect<A, E, Store>) =>
      Effect.runPromise(effect.pipe(Effect.provide(storeAt(name))))

    it("is imported, loaded as the case the file reads to, and exported, then exported again after a new import, to the same bytes", async () => {
      const { loaded, exported } = await run(
        "first",
        Effect.gen(function* () {
          const imported = yield* importCaseText({ text: caseText, fileName, author: "analyst" })
          const loaded = (yield* loadCaseFile(imported.caseName)).caseFile
          const exported = (yield* exportCaseText(imported.caseName)).text
          return { loaded, exported }
        })
      )
      expect(loaded).toStrictEqual(read(caseText))
      // The canonical text, headed by where it was exported from.
      expect(exported).toBe(
        exportHeader({ caseName: "posthumous-message", revision: 1 }) +
          writeCaseYaml(read(caseText), { kinds })
      )
      const again = await run(
        "second",
        Effect.gen(function* () {
          const imported = yield* importCaseText({
            text: exported,
            fileName: "exported.yaml",
            author: "analyst"
          })
          return (yield* exportCaseText(imported.caseName)).text
        })
      )
      expect(again).toBe(exported)
    })

    it("refuses a change that breaks the kind's Schema, naming the claim and the field", async () => {
      const refused = await run(
        "third",
        Effect.gen(function* () {
          const store = yield* Store
          const imported = yield* importCaseText({ text: caseText, fileName, author: "analyst" })
          const head = yield* store.head(imported.caseName)
          const change = {
            id: "cl-killed",
            kind: "reported-death",
            scope: "abu-yahya",
            madeBy: { statement: "st-obituary" },
            actor: "abu-yahya",
            cites: [{ paragraph: 3 }]
          }
          return yield* Effect.flip(
            store.commit(
              imported.caseName,
              head.number,
              [{ kind: "claims", id: "cl-killed", body: change }],
              { author: "analyst", reason: "no date" }
            )
          )
        })
      )
      expect(refused).toMatchObject({
        reason: {
          _tag: "InvalidChange",
          problems: ['claim "cl-killed": died: This field is required but missing.']
        }
      })
    })
  })

  describe("evaluated with the package's kinds and rules", () => {
    const caseFile = read(caseText)
    const evaluation = evaluateCase(caseFile, { asOf, kinds, rules })
    const verdict = (id: string) =>
      [...evaluation.statements, ...evaluation.claims].find((candidate) => candidate.id === id)!

    it("refutes the message in the dead commander's name and keeps the will he left, with the words for a brief", () => {
      expect(verdict("cl-killed").status).toBe("established")
      expect(verdict("st-message").status).toBe("refuted")
      expect(explanationText(verdict("st-message"))).toContain(
        "The @abu_yahya_k message to the mujahidin appeared 20 March 2016, in the name of Abu Yahya al-Karimi, whom the @fajr_media obituary of the commander reported dead before it (10 March 2016): if that report stands, Abu Yahya al-Karimi did not issue it, so who did is in dispute. Both stand. [cl-killed, st-message]"
      )
      // How the two reports fare is said once, after the second (the reports go in the order of their words).
      expect(explanationText(verdict("st-message"))).toMatch(
        / so who did is in dispute\. \[cl-killed-agency, st-message\]/
      )
      expect(verdict("st-will").status).toBe("established")
      expect(verdict("st-speech").status).toBe("established")
      expect(verdict("cl-killed").about).toBe(
        "that Abu Yahya al-Karimi is dead (10 March 2016, killed in an air strike)"
      )
    })

    it("gives two reports of one death two sentences, each naming who reported it", () => {
      const steps = verdict("st-message").explanation.filter((step) => step.rule === "posthumous-attribution")
      // Two steps, one per report, in the order of their words rather than the order they were found in.
      expect(steps.map((step) => step.items[0]).sort()).toEqual(["cl-killed", "cl-killed-agency"])
      expect(new Set(steps.map((step) => step.sentence)).size).toBe(steps.length)
      for (const verdictOf of [...evaluation.statements, ...evaluation.claims]) {
        const sentences = verdictOf.explanation.map((step) => step.sentence)
        expect(new Set(sentences).size, verdictOf.id).toBe(sentences.length)
      }
    })

    it("ends the commander as an actor, and ranks first the hypothesis that he was killed", () => {
      expect(evaluation.lifecycles.find((life) => life.actor === "abu-yahya")).toMatchObject({
        state: "ceased",
        since: "2016-03-11"
      })
      const [first, second] = evaluation.questions[0]!.hypotheses
      expect([first?.hypothesis, first?.verdict.status]).toEqual(["h-killed", "established"])
      expect([second?.hypothesis, second?.verdict.status]).toEqual(["h-alive", "refuted"])
    })

    it("says nothing of the kind or the rule before the death was known", () => {
      const before = evaluateCase(caseFile, { asOf: "2016-03-09" as IsoDay, kinds, rules })
      expect(before.claims).toEqual([])
      expect(before.findings.some((finding) => finding.rule === "posthumous-attribution")).toBe(false)
    })

    it("is brought up to date as the message appears, reaching what a whole evaluation reaches", () => {
      const message = caseFile.statements.find((statement) => statement.id === "st-message")!
      const base = caseFileOfCheckedParts({
        ...caseFile,
        statements: caseFile.statements.filter((statement) => statement !== message)
      })
      const evaluator = caseEvaluator(base, { asOf, kinds, rules })
      expect(evaluator.evaluation.statements.map((v) => v.id)).not.toContain("st-message")
      const next = evaluator.reevaluate(appendToCase(base, { statements: [message] }, { kinds }))
      expect(next.incremental).toBe(true)
      expect(comparableEvaluation(next.evaluation)).toEqual(comparableEvaluation(evaluation))
      expect(next.evaluation.statements.find((v) => v.id === "st-message")?.status).toBe("refuted")
    })

    it("is brought up to date as the death is announced after the message, reaching what a whole evaluation reaches", () => {
      const obituary = caseFile.statements.find((statement) => statement.id === "st-obituary")!
      const announced = caseFile.claims.filter((claim) => claim.id === "cl-killed")
      const base = caseFileOfCheckedParts({
        ...caseFile,
        statements: caseFile.statements.filter((statement) => statement !== obituary),
        claims: caseFile.claims.filter((claim) => claim.id !== "cl-killed")
      })
      const grown = appendToCase(base, { statements: [obituary], claims: announced }, { kinds })
      const evaluator = caseEvaluator(base, { asOf, kinds, rules })
      const next = evaluator.reevaluate(grown)
      expect(next.incremental).toBe(true)
      const whole = evaluateCase(grown, { asOf, kinds, rules })
      expect(comparableEvaluation(next.evaluation)).toEqual(comparableEvaluation(whole))
      expect(
        next.evaluation.findings.filter((finding) => finding.rule === "posthumous-attribution").length
      ).toBeGreaterThan(
        evaluator.evaluation.findings.filter((finding) => finding.rule === "posthumous-attribution").length
      )
    })
  })
})
