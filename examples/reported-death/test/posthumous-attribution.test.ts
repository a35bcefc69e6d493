import { evaluateCase, type Finding, viewCase } from "@allegiance/domain"
import { describe, expect, it } from "vitest"
import { kinds, posthumousAttribution, rules } from "../src/index.ts"
import { announcedDeath, buildCase, day, statement } from "./build-case.ts"

const findingsOf = (caseFile: ReturnType<typeof buildCase>) =>
  posthumousAttribution.apply(viewCase(caseFile, day("2030-01-01"), kinds))

const attacks = (findings: ReadonlyArray<Finding>) =>
  findings
    .filter((finding) => finding.kind === "attack")
    .map((f) => f.kind === "attack" && [f.attacker, f.target])

const obituary = statement("st-obituary", "12 March 2016", { actor: "band" })

describe("posthumous attribution", () => {
  it("puts in dispute a statement in the person's name that appeared after the death", () => {
    const caseFile = buildCase({
      statements: [obituary, statement("st-message", "20 March 2016", { actor: "leader" })],
      claims: [announcedDeath("cl-death", "st-obituary", "10 March 2016")]
    })
    const findings = findingsOf(caseFile)
    expect(attacks(findings)).toEqual([["claim:cl-death", "auth:st-message"]])
    const [attack] = findings
    expect(attack?.sentence).toBe(
      "the 20 March 2016 statement on @leader appeared 20 March 2016, in the name of The Leader, who was reported dead before it (10 March 2016): if the report stands, The Leader did not issue it, so who did is in dispute."
    )
    expect(attack?.kind === "attack" && attack.settle).toBe(
      "Proof that The Leader was alive after 10 March 2016 (a dated recording, an independent sighting), or word of who now speaks in that name, would settle who issued it."
    )
  })

  it("puts in dispute a statement of the group that the person signed after the death", () => {
    const caseFile = buildCase({
      statements: [obituary, statement("st-order", "14 March 2016", { actor: "band", signedBy: "leader" })],
      claims: [announcedDeath("cl-death", "st-obituary", "10 March 2016")]
    })
    const findings = findingsOf(caseFile)
    expect(attacks(findings)).toEqual([["claim:cl-death", "auth:st-order"]])
    expect(findings[0]?.sentence).toContain("signed by The Leader")
    expect(findings[0]?.sentence).toContain("The Leader did not sign it")
  })

  it("leaves alone what came before the death, what may have, the announcement itself and other people", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-before", "9 March 2016", { actor: "leader" }),
        // Seen only to the month: it may have appeared before the death.
        statement("st-that-month", "March 2016", { actor: "leader" }),
        // An announcement put out on the dead man's own account, in his name.
        statement("st-own-obituary", "12 March 2016", { actor: "leader" }),
        statement("st-deputy", "20 March 2016", { actor: "deputy" })
      ],
      claims: [announcedDeath("cl-death", "st-own-obituary", "10 March 2016")]
    })
    expect(findingsOf(caseFile)).toEqual([])
  })

  it("notes, without disputing it, a release after the death of material dated before it", () => {
    const caseFile = buildCase({
      statements: [
        obituary,
        statement("st-will", "15 March 2016", { actor: "leader" }, { printedDates: ["2 March 2016"] })
      ],
      claims: [announcedDeath("cl-death", "st-obituary", "10 March 2016")]
    })
    const findings = findingsOf(caseFile)
    expect(findings.map((finding) => [finding.kind, finding.target])).toEqual([["note", "auth:st-will"]])
    expect(findings[0]?.sentence).toContain("but is dated 2 March 2016, before the death")
  })

  describe("in a whole evaluation", () => {
    const message = statement("st-message", "20 March 2016", { actor: "leader" })
    const verdictOf = (caseFile: ReturnType<typeof buildCase>, id: string) =>
      evaluateCase(caseFile, { asOf: day("2016-04-01"), kinds, rules }).statements.find((v) => v.id === id)

    it("refutes the statement's attribution when the report of the death stands", () => {
      const caseFile = buildCase({
        statements: [obituary, message],
        claims: [announcedDeath("cl-death", "st-obituary", "10 March 2016")]
      })
      expect(verdictOf(caseFile, "st-message")?.status).toBe("refuted")
    })

    it("leaves the statement standing when the only report of the death is too weak to count", () => {
      const caseFile = buildCase({
        sources: [
          { id: "rumour", kind: "supporter-account", description: "A supporter account.", reliability: "E" }
        ],
        statements: [message],
        claims: [
          {
            id: "cl-rumoured",
            kind: "reported-death",
            scope: "leader",
            madeBy: { source: "rumour" },
            reported: "11 March 2016",
            actor: "leader",
            died: "10 March 2016"
          }
        ]
      })
      expect(findingsOf(caseFile).some((finding) => finding.kind === "attack")).toBe(true)
      expect(verdictOf(caseFile, "st-message")?.status).toBe("established")
    })

    it("leaves both contested when the statement itself says the person is alive, and says what would settle it", () => {
      const caseFile = buildCase({
        statements: [obituary, message],
        claims: [
          announcedDeath("cl-death", "st-obituary", "10 March 2016"),
          {
            id: "cl-alive",
            kind: "continued-existence",
            scope: "leader",
            madeBy: { statement: "st-message" },
            actor: "leader"
          }
        ]
      })
      const evaluation = evaluateCase(caseFile, { asOf: day("2016-04-01"), kinds, rules })
      const byId = new Map([...evaluation.statements, ...evaluation.claims].map((v) => [v.id, v]))
      expect(byId.get("st-message")?.status).toBe("contested")
      expect(byId.get("cl-death")?.status).toBe("contested")
      expect(byId.get("st-message")?.wouldSettle).toContain(
        "Proof that The Leader was alive after 10 March 2016 (a dated recording, an independent sighting), or word of who now speaks in that name, would settle who issued it."
      )
    })
  })
})
