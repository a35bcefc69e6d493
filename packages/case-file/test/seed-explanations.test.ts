import { allVerdicts, evaluateCase, type IsoDay, itemName, nameWithDate, viewCase } from "@allegiance/domain"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

/** The sentences of a step, split where one ends and the next opens with a capital. */
const sentencesOf = (text: string): ReadonlyArray<string> => text.split(/(?<=[.!?])\s+(?=[A-Z])/)

// Explanations are written for a writer to paste into a brief: items by the names a writer would use,
// ids only in the steps' item lists, one thing said once.
describe("the seed case's explanations, as of 9 January 2015", () => {
  const caseFile = seedCase()
  const evaluation = evaluateCase(caseFile, { asOf: "2015-01-09" as IsoDay })
  const verdicts = allVerdicts(evaluation)
  const ids = [
    ...caseFile.statements,
    ...caseFile.claims,
    ...caseFile.observations,
    ...caseFile.sources,
    ...caseFile.relationships
  ].map((item) => item.id as string)
  const idPattern = new RegExp(
    `(?<![\\w-])(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w-])`,
    "i"
  )

  it("name no item by its id in a sentence, while the steps still list the items they rest on", () => {
    const withIds: Array<string> = []
    for (const verdict of verdicts) {
      for (const sentence of [verdict.about, ...verdict.explanation.map((step) => step.sentence)])
        if (idPattern.test(sentence)) withIds.push(`${verdict.id}: ${sentence}`)
    }
    expect(withIds).toEqual([])
    expect(verdicts.some((verdict) => verdict.explanation.some((step) => step.items.length > 0))).toBe(true)
  })

  it("say nothing twice, and stack no 'which is itself' clauses", () => {
    for (const verdict of verdicts) {
      const sentences = verdict.explanation.map((step) => step.sentence)
      expect(new Set(sentences).size, verdict.id).toBe(sentences.length)
      for (const sentence of sentences) expect(sentence).not.toMatch(/which is itself/)
    }
  })

  it("say no sentence twice in one explanation: how attackers fare is said once for those that fare alike", () => {
    for (const verdict of verdicts) {
      const said = verdict.explanation.flatMap((step) => sentencesOf(step.sentence))
      const twice = said.filter((sentence, at) => said.indexOf(sentence) !== at)
      expect(twice, verdict.id).toEqual([])
    }
  })

  it("say what would settle a disowning with the group, both channels and both statements named, unquoted", () => {
    const handles = new Map(caseFile.channels.map((channel) => [channel.id as string, channel.handle]))
    const disowned = verdicts.filter(
      (verdict) =>
        verdict.subject === "statement" && verdict.explanation.some((step) => step.rule === "disowning")
    )
    expect(disowned.length).toBeGreaterThan(0)
    for (const verdict of disowned) {
      const statement = caseFile.statements.find((candidate) => candidate.id === verdict.id)!
      const line = verdict.wouldSettle.find((words) => words.includes("speaks for it"))
      expect(line, verdict.id).toBeDefined()
      expect(line).toContain(itemName(view, statement.issuer.actor))
      expect(line).toContain(itemName(view, statement.id))
      expect(line).toContain(handles.get(statement.channel!)!)
      // Names in a sentence are a writer's names, not titles set in quotation marks.
      expect(line).not.toMatch(/[“”"]/)
    }
  })

  it("never name a date's event twice in a row, as in 'photos for the feast (the feast 1435)'", () => {
    const events = caseFile.observations
      .map((observation) => observation.date.text.replace(/^[\d\s]+|[\s\d]+(?:\s*AH)?$/g, ""))
      .filter((event) => /^[A-Z]/.test(event) && !/\d/.test(event))
    expect(events.length).toBeGreaterThan(0)
    for (const event of events)
      for (const sentence of sentences) expect(sentence).not.toContain(`${event} (${event}`)
  })

  it("name a statement titled as a notice of something by the notice and its channel, not the whole title", () => {
    const notices = caseFile.statements.filter(
      (statement) =>
        statement.label === undefined &&
        statement.serial === undefined &&
        /^[A-Z][a-z]+ that /.test(statement.title ?? "")
    )
    expect(notices.length).toBeGreaterThan(0)
    for (const notice of notices) {
      const name = itemName(view, notice.id)
      const clause = notice.title!.slice(notice.title!.indexOf(" that ") + 1)
      expect(name).not.toContain(clause)
      expect(name).toContain(notice.title!.split(" ")[0]!.toLowerCase())
      for (const sentence of sentences)
        expect(sentence).not.toContain(clause.replace(/^that /, "notice that "))
    }
  })

  const view = viewCase(caseFile, "2015-01-09" as IsoDay)
  const sentences = verdicts.flatMap((verdict) => [
    verdict.about,
    ...verdict.explanation.map((step) => step.sentence)
  ])

  it("give two steps with different items different sentences", () => {
    for (const verdict of verdicts) {
      const itemsOf = new Map<string, string>()
      for (const step of verdict.explanation) {
        const items = [...step.items].sort().join(",")
        const earlier = itemsOf.get(step.sentence)
        if (earlier !== undefined) expect(earlier, `${verdict.id}: ${step.sentence}`).toBe(items)
        itemsOf.set(step.sentence, items)
      }
    }
  })

  it("open every sentence with a capital, and capitalise no name inside one unless it is printed so", () => {
    // A name built from a title or a printed date ("Notice that...", "By the end of...") must not carry
    // its capital into the middle of a sentence; names printed with capitals (actors, serials) may.
    const printedCapitals = new Set<string>()
    for (const actor of caseFile.actors)
      for (const name of [actor.name.primary, ...actor.name.aliases])
        printedCapitals.add(name.split(/\s+/)[0]!)
    for (const statement of caseFile.statements)
      if (statement.serial !== undefined) printedCapitals.add(statement.serial.text.split(/\s+/)[0]!)
    for (const verdict of verdicts)
      for (const step of verdict.explanation) {
        expect(step.sentence, verdict.id).toMatch(/^[^a-z]/)
        for (const statement of caseFile.statements) {
          const name = itemName(view, statement.id)
          const first = name.split(/\s+/)[0]!
          if (/^[A-Z]/.test(first) && !printedCapitals.has(first))
            expect(step.sentence.slice(1), `${verdict.id}: ${step.sentence}`).not.toContain(` ${name}`)
        }
        expect(step.sentence, verdict.id).not.toMatch(/, (?:By|After|Before|Since|Between) /)
      }
  })

  it("never say a date twice beside a name that already says it", () => {
    for (const statement of caseFile.statements) {
      const named = nameWithDate(view, statement.id, statement.observed)
      const day = /\d{1,2} [A-Z][a-z]+ \d{4}/.exec(itemName(view, statement.id))?.[0]
      if (day !== undefined) expect(named.split(day).length - 1, named).toBe(1)
      const name = itemName(view, statement.id)
      if (day !== undefined)
        for (const sentence of sentences) {
          expect(sentence).not.toContain(`${name} (${day})`)
          expect(sentence).not.toContain(`${name}, ${day}`)
        }
    }
  })

  it("keep the sentences of the key judgments' explanations under 60 words", () => {
    const key = [
      ...evaluation.questions.flatMap((question) =>
        question.hypotheses.map((hypothesis) => hypothesis.verdict)
      ),
      ...evaluation.relationships.map((relationship) => relationship.verdict)
    ]
    for (const verdict of key)
      for (const step of verdict.explanation)
        for (const sentence of step.sentence.split(/(?<=[.!?])\s+(?=[A-Z])/))
          expect(sentence.split(/\s+/).length, sentence).toBeLessThan(60)
  })
})
