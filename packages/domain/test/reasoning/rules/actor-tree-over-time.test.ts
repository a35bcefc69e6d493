import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { buildCase, day, statement } from "../build-case.ts"

// A faction that was part of Org A until the spring of 2020, and part of Other from then on.
const actors = [
  { id: "org-a", kind: "group", name: { primary: "Org A" } },
  { id: "other", kind: "group", name: { primary: "Other" } },
  {
    id: "faction",
    kind: "faction",
    name: { primary: "The faction" },
    parents: [
      { actor: "org-a", until: "31 March 2020" },
      { actor: "other", since: "1 April 2020" }
    ]
  }
]
const channels = [
  { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
  { id: "ch-faction", kind: "social-media-account", handle: "@faction", speaksFor: "faction" }
]
const denialOn = (observed: string) =>
  buildCase({
    actors,
    channels,
    statements: [
      statement("st-said", "ch-a", "1 March 2020", { issuer: { nameAsPrinted: "Org A", actor: "org-a" } }),
      statement("st-deny", "ch-faction", observed, {
        issuer: { nameAsPrinted: "The faction", actor: "faction" }
      })
    ],
    claims: [
      { id: "cl-deny", kind: "denial", scope: "org-a", target: "st-said", madeBy: { statement: "st-deny" } }
    ]
  })

describe("the actor tree over time", () => {
  it("counts a part's denial while it was part of the actor", () => {
    const verdicts = evaluateCase(denialOn("10 March 2020"), { asOf: day("2020-06-01") }).statements
    expect(verdicts.find((v) => v.id === "st-said")?.status).toBe("refuted")
  })

  it("does not count it once the part has left for another actor", () => {
    const verdicts = evaluateCase(denialOn("10 May 2020"), { asOf: day("2020-06-01") }).statements
    expect(verdicts.find((v) => v.id === "st-said")?.status).toBe("established")
  })
})
