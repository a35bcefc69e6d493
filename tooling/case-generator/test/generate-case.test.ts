import type { Actor, CaseFile } from "@allegiance/domain"
import { checkIntegrity } from "@allegiance/domain/case/integrity"
import { readPrintedDate } from "@allegiance/domain/calendar/read-printed-date"
import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { generateCase, generateCaseInput } from "../src/index.ts"

const unitOf = (caseFile: CaseFile) => {
  const byId = new Map<string, Actor>(caseFile.actors.map((actor) => [actor.id, actor]))
  return (id: string): string => {
    let actor = byId.get(id)!
    while (!["group", "coalition", "branch"].includes(actor.kind) && actor.parent !== undefined)
      actor = byId.get(actor.parent)!
    return actor.id
  }
}

describe("generateCase", () => {
  for (const statements of [1, 40, 1000, 6000])
    for (const seed of [1, 7, 2024])
      it(`gives a case with no integrity problems (${statements} statements, seed ${seed})`, () => {
        const caseFile = generateCase({ statements, seed })
        expect(caseFile.statements).toHaveLength(statements)
        expect(checkIntegrity(caseFile)).toEqual([])
      })

  it("gives the same case for the same seed and another for another seed", () => {
    const first = generateCase({ statements: 800, seed: 3 })
    const again = generateCase({ statements: 800, seed: 3 })
    const other = generateCase({ statements: 800, seed: 4 })
    expect(again).toEqual(first)
    expect(generateCaseInput({ statements: 800, seed: 3 })).toEqual(
      generateCaseInput({ statements: 800, seed: 3 })
    )
    expect(other).not.toEqual(first)
    expect(other.statements.map((s) => s.observed.start)).not.toEqual(
      first.statements.map((s) => s.observed.start)
    )
  })

  describe("on a mid-sized case", () => {
    const caseFile = generateCase({ statements: 5000, seed: 11 })
    const unit = unitOf(caseFile)
    const statementById = new Map(caseFile.statements.map((statement) => [statement.id as string, statement]))
    const channelById = new Map(caseFile.channels.map((channel) => [channel.id as string, channel]))

    it("sizes actors, channels, sources and claims in the proportions of real cases", () => {
      expect(caseFile.actors.length).toBeGreaterThanOrEqual(240)
      expect(caseFile.actors.length).toBeLessThanOrEqual(270)
      expect(caseFile.channels).toHaveLength(500)
      expect(caseFile.sources).toHaveLength(200)
      expect(caseFile.claims.length / caseFile.statements.length).toBeGreaterThan(1.3)
      expect(caseFile.claims.length / caseFile.statements.length).toBeLessThan(1.7)
      expect(caseFile.observations.length).toBeGreaterThan(0)
      expect(caseFile.relationships.length).toBeGreaterThan(0)
      expect(caseFile.questions.length).toBeGreaterThan(0)
    })

    it("makes every kind of claim, some reported by sources with the date they were reported", () => {
      const kinds = new Set(caseFile.claims.map((claim) => claim.kind))
      expect([...kinds].sort()).toEqual(
        [
          "acceptance",
          "break",
          "channel-compromised",
          "channel-recovered",
          "confirmation",
          "continued-existence",
          "cooperation",
          "denial",
          "disowning",
          "dissolution",
          "last-statement",
          "majority-backing",
          "membership",
          "merger",
          "partial-allegiance",
          "partial-involvement",
          "pledge",
          "protection",
          "rivalry",
          "size-estimate",
          "sole-official-channel",
          "official-channels",
          "responsibility",
          "reaffirmation",
          "designation",
          "joining"
        ].sort()
      )
      const reported = caseFile.claims.filter((claim) => "source" in claim.madeBy)
      expect(reported.length).toBeGreaterThan(caseFile.statements.length * 0.05)
      expect(reported.every((claim) => claim.reported !== undefined)).toBe(true)
      // The supporter's overreach: a branch's statement retold as the whole group's pledge.
      expect(reported.some((claim) => claim.kind === "pledge" && claim.restsOn.length > 0)).toBe(true)
    })

    it("builds the actor forest with parents before children and units of every kind", () => {
      const seen = new Set<string>()
      for (const actor of caseFile.actors) {
        if (actor.parent !== undefined) expect(seen.has(actor.parent)).toBe(true)
        seen.add(actor.id)
      }
      const kinds = new Set(caseFile.actors.map((actor) => actor.kind))
      for (const kind of ["group", "branch", "body", "faction", "person"] as const)
        expect(kinds.has(kind)).toBe(true)
    })

    it("issues each statement in the name of the actor its channel speaks for", () => {
      for (const statement of caseFile.statements) {
        expect(channelById.get(statement.channel!)!.speaksFor).toBe(statement.issuer.actor)
      }
      expect(caseFile.statements.some((statement) => statement.issuer.signedBy !== undefined)).toBe(true)
    })

    it("keeps disputes local: denials, disownings and compromise claims stay within the unit's own channels", () => {
      let disputes = 0
      for (const claim of caseFile.claims) {
        if (!("statement" in claim.madeBy)) continue
        const maker = statementById.get(claim.madeBy.statement)!
        const makerUnit = unit(maker.issuer.actor)
        if (claim.kind === "denial" && statementById.has(claim.target)) {
          expect(unit(statementById.get(claim.target)!.issuer.actor)).toBe(makerUnit)
          disputes++
        }
        if (claim.kind === "disowning" || claim.kind === "channel-compromised") {
          expect(unit(channelById.get(claim.channel!)!.speaksFor!)).toBe(makerUnit)
          disputes++
        }
      }
      expect(disputes).toBeGreaterThan(caseFile.statements.length * 0.05)
    })

    it("numbers statements upwards per channel, with a few regressions and duplicates", () => {
      const last = new Map<string, number>()
      let rises = 0
      let slips = 0
      for (const statement of caseFile.statements) {
        const number = statement.serial?.number
        if (number === undefined) continue
        const previous = last.get(statement.channel!)
        if (previous !== undefined) {
          if (number > previous) rises++
          else slips++
        }
        last.set(statement.channel!, number)
      }
      expect(slips).toBeGreaterThan(0)
      expect(slips).toBeLessThan(rises / 10)
    })

    it("prints Hijri dates beside Gregorian ones that the date reader reads to the day the case says", () => {
      const hijri = caseFile.statements.flatMap((statement) =>
        statement.printedDates.filter((date) => date.calendar === "hijri")
      )
      expect(hijri.length).toBeGreaterThan(100)
      for (const date of hijri) {
        const read = readPrintedDate(date.text, "hijri")
        expect(Result.isSuccess(read) && read.success.start).toBe(date.start)
      }
    })

    it("spreads observed dates over several years, and observes both activity and absences", () => {
      const years = new Set(caseFile.statements.map((statement) => statement.observed.start.slice(0, 4)))
      expect(years.size).toBeGreaterThanOrEqual(3)
      const kinds = new Set(caseFile.observations.map((observation) => observation.kind))
      expect(kinds).toEqual(new Set(["activity", "release", "absence"]))
      expect(
        caseFile.observations.filter((o) => o.kind === "absence").every((o) => o.expected !== undefined)
      ).toBe(true)
    })

    it("holds what real cases hold beyond the seed: signers, relays, unconfirmed statements, times, banners, moved parts, several documents", () => {
      const statements = caseFile.statements
      expect(statements.some((statement) => (statement.signers ?? []).length > 0)).toBe(true)
      expect(statements.some((statement) => (statement.relayedBy ?? []).length > 0)).toBe(true)
      expect(statements.some((statement) => statement.unconfirmed !== undefined)).toBe(true)
      expect(statements.some((statement) => statement.observed.time !== undefined)).toBe(true)
      expect(caseFile.observations.some((observation) => observation.under !== undefined)).toBe(true)
      expect(caseFile.actors.some((actor) => (actor.parents ?? []).length > 0)).toBe(true)
      expect(
        caseFile.claims.some((claim) => claim.kind === "confirmation" && claim.confirms === "content")
      ).toBe(true)
      expect(caseFile.case.documents?.length).toBeGreaterThan(1)
      expect(
        statements.some((statement) => statement.cites.some((citation) => citation.document !== undefined))
      ).toBe(true)
    })

    it("asks questions whose hypotheses say what they expect", () => {
      for (const question of caseFile.questions) {
        expect(question.hypotheses.length).toBeGreaterThanOrEqual(2)
        for (const hypothesis of question.hypotheses) expect(hypothesis.expects.length).toBeGreaterThan(0)
      }
    })
  })
})
