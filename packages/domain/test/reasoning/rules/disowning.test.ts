import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { disowning } from "../../../src/reasoning/rules/disowning.ts"
import { buildCase, day, findingsOf, statement } from "../build-case.ts"

describe("disowning", () => {
  it("attacks statements after the serial and on other channels, not earlier ones", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-10", "ch-a", "1 May 2020", { serial: { text: "No. 10", number: 10 } }),
        statement("st-11", "ch-a", "3 May 2020", { serial: { text: "No. 11", number: 11 } }),
        statement("st-9", "ch-a", "20 April 2020", { serial: { text: "No. 9", number: 9 } }),
        statement("st-other", "ch-a2", "2 May 2020")
      ],
      claims: [
        {
          id: "cl-d",
          kind: "disowning",
          scope: "org-a",
          channel: "ch-a",
          afterSerial: 10,
          otherChannels: true,
          madeBy: { statement: "st-10" }
        }
      ]
    })
    const targets = findingsOf(disowning, caseFile)
      .filter((f) => f.kind === "attack")
      .map((f) => f.target)
      .sort()
    expect(targets).toEqual(["auth:st-11", "auth:st-other"])
  })

  it("leaves two channels that disown each other both contested", () => {
    const caseFile = buildCase({
      statements: [statement("st-x", "ch-a", "1 May 2020"), statement("st-y", "ch-a2", "1 May 2020")],
      claims: [
        { id: "cl-x", kind: "disowning", scope: "org-a", otherChannels: true, madeBy: { statement: "st-x" } },
        { id: "cl-y", kind: "disowning", scope: "org-a", otherChannels: true, madeBy: { statement: "st-y" } }
      ]
    })
    const verdicts = evaluateCase(caseFile, { asOf: day("2020-06-01") })
    expect(verdicts.statements.map((v) => v.status)).toEqual(["contested", "contested"])
    expect(verdicts.statements[0]!.wouldSettle.length).toBeGreaterThan(0)
  })

  it("does not reach channels of another actor", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-x", "ch-a", "1 May 2020"),
        { ...statement("st-b", "ch-b", "2 May 2020"), issuer: { nameAsPrinted: "B", actor: "org-b" } }
      ],
      claims: [
        { id: "cl-x", kind: "disowning", scope: "org-a", otherChannels: true, madeBy: { statement: "st-x" } }
      ]
    })
    expect(findingsOf(disowning, caseFile).filter((f) => f.kind === "attack")).toEqual([])
  })

  it("sets rival sole-official claims against each other", () => {
    const caseFile = buildCase({
      statements: [statement("st-x", "ch-a", "1 May 2020"), statement("st-y", "ch-a2", "1 May 2020")],
      claims: [
        {
          id: "cl-x",
          kind: "sole-official-channel",
          scope: "org-a",
          channel: "ch-a",
          madeBy: { statement: "st-x" }
        },
        {
          id: "cl-y",
          kind: "sole-official-channel",
          scope: "org-a",
          channel: "ch-a2",
          madeBy: { statement: "st-y" }
        }
      ]
    })
    expect(findingsOf(disowning, caseFile).filter((f) => f.kind === "attack")).toHaveLength(2)
  })

  describe("speaks of the time around it", () => {
    // An actor declares one official channel and disowns the rest; later it declares another channel its own.
    const channels = [
      { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
      { id: "ch-a2", kind: "social-media-account", handle: "@a2", speaksFor: "org-a" },
      { id: "ch-a3", kind: "media-office", handle: "A media office", speaksFor: "org-a" }
    ]
    const sole = (id: string, channel: string, by: string) => ({
      id,
      kind: "sole-official-channel",
      scope: "org-a",
      channel,
      madeBy: { statement: by }
    })
    const earlier = [
      sole("cl-sole-a", "ch-a", "st-only-a"),
      {
        id: "cl-rest",
        kind: "disowning",
        scope: "org-a",
        otherChannels: true,
        madeBy: { statement: "st-only-a" }
      }
    ]
    const statements = [
      statement("st-fake", "ch-a2", "20 February 2020"),
      statement("st-only-a", "ch-a", "1 March 2020"),
      statement("st-new-home", "ch-a2", "1 June 2020"),
      statement("st-later", "ch-a2", "10 June 2020")
    ]
    const status = (caseFile: ReturnType<typeof buildCase>, id: string) =>
      evaluateCase(caseFile, { asOf: day("2020-07-01") }).statements.find((v) => v.id === id)?.status

    it("does not defeat the actor's later statements through a channel it declares its own later", () => {
      const caseFile = buildCase({
        channels,
        statements,
        claims: [...earlier, sole("cl-sole-a2", "ch-a2", "st-new-home")]
      })
      expect(status(caseFile, "st-new-home")).toBe("established")
      expect(status(caseFile, "st-later")).toBe("established")
      // What the other channel published at the time of the disowning stays disowned.
      expect(status(caseFile, "st-fake")).toBe("refuted")
    })

    it("reaches later statements again when the later declaration itself falls", () => {
      const caseFile = buildCase({
        channels,
        statements: [...statements, statement("st-not-ours", "ch-a", "5 June 2020")],
        claims: [
          ...earlier,
          sole("cl-sole-a2", "ch-a2", "st-new-home"),
          {
            id: "cl-not-ours",
            kind: "denial",
            scope: "org-a",
            target: "cl-sole-a2",
            madeBy: { statement: "st-not-ours" }
          }
        ]
      })
      const verdicts = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(verdicts.claims.find((v) => v.id === "cl-sole-a2")?.status).toBe("refuted")
      expect(status(caseFile, "st-later")).toBe("refuted")
    })

    it("lets a later declaration supersede an earlier one instead of contesting it", () => {
      const caseFile = buildCase({
        channels,
        statements,
        claims: [sole("cl-sole-a", "ch-a", "st-only-a"), sole("cl-sole-a2", "ch-a2", "st-new-home")]
      })
      const verdicts = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(verdicts.claims.map((v) => [v.id, v.status])).toEqual([
        ["cl-sole-a", "established"],
        ["cl-sole-a2", "established"]
      ])
    })
  })

  describe("official channels, plural", () => {
    const channels = [
      { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
      { id: "ch-a2", kind: "social-media-account", handle: "@a2", speaksFor: "org-a" },
      { id: "ch-a3", kind: "media-office", handle: "A media office", speaksFor: "org-a" }
    ]
    const declared = {
      id: "cl-official",
      kind: "official-channels",
      scope: "org-a",
      channels: ["ch-a", "ch-a3"],
      madeBy: { statement: "st-declaration" }
    }
    const rest = {
      id: "cl-rest",
      kind: "disowning",
      scope: "org-a",
      otherChannels: true,
      madeBy: { statement: "st-declaration" }
    }

    it("keeps every declared channel and disowns the rest", () => {
      const caseFile = buildCase({
        channels,
        statements: [
          statement("st-declaration", "ch-a", "1 March 2020"),
          statement("st-office", "ch-a3", "1 March 2020"),
          statement("st-elsewhere", "ch-a2", "1 March 2020")
        ],
        claims: [declared, rest]
      })
      const verdicts = evaluateCase(caseFile, { asOf: day("2020-04-01") })
      const status = (id: string) => verdicts.statements.find((v) => v.id === id)?.status
      expect(status("st-office")).toBe("established")
      expect(status("st-elsewhere")).toBe("refuted")
      expect(verdicts.claims.find((v) => v.id === "cl-official")?.about).toContain("@a, A media office")
    })

    it("sets two declarations of different channels at the same time against each other", () => {
      const caseFile = buildCase({
        channels,
        statements: [
          statement("st-declaration", "ch-a", "1 March 2020"),
          statement("st-rival", "ch-a2", "1 March 2020")
        ],
        claims: [
          declared,
          {
            id: "cl-rival",
            kind: "official-channels",
            scope: "org-a",
            channels: ["ch-a2"],
            madeBy: { statement: "st-rival" }
          }
        ]
      })
      const verdicts = evaluateCase(caseFile, { asOf: day("2020-04-01") })
      expect(verdicts.claims.map((v) => v.status)).toEqual(["contested", "contested"])
    })
  })
})
