import { Schema } from "effect"
import { CaseFile } from "../../src/model/case-file.ts"
import type { IsoDay } from "../../src/calendar/printed-date.ts"
import { viewCase } from "../../src/reasoning/case-view.ts"
import type { Rule } from "../../src/reasoning/rule.ts"

type Items = Record<string, unknown>

const cited = (item: Items): Items => ({ cites: [{ paragraph: 1 }], ...item })

/**
 * A small case for a rule's own tests, written as a case file would be, with a citation added to every
 * item. Actors default to an `org` group with branches `org-a` and `org-b`, each with a channel.
 */
export const buildCase = (parts: {
  readonly actors?: ReadonlyArray<Items>
  readonly channels?: ReadonlyArray<Items>
  readonly sources?: ReadonlyArray<Items>
  readonly statements?: ReadonlyArray<Items>
  readonly claims?: ReadonlyArray<Items>
  readonly observations?: ReadonlyArray<Items>
  readonly questions?: ReadonlyArray<Items>
}): CaseFile =>
  Schema.decodeUnknownSync(CaseFile)({
    case: { id: "test-case", title: "A test case" },
    actors: (
      parts.actors ?? [
        { id: "org", kind: "group", name: { primary: "Org" } },
        { id: "org-a", kind: "branch", parent: "org", name: { primary: "Org A" } },
        { id: "org-b", kind: "branch", parent: "org", name: { primary: "Org B" } },
        { id: "other", kind: "group", name: { primary: "Other" } }
      ]
    ).map(cited),
    channels: (
      parts.channels ?? [
        { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
        { id: "ch-a2", kind: "social-media-account", handle: "@a2", speaksFor: "org-a" },
        { id: "ch-b", kind: "social-media-account", handle: "@b", speaksFor: "org-b" }
      ]
    ).map(cited),
    sources: (parts.sources ?? []).map(cited),
    statements: (parts.statements ?? []).map(cited),
    claims: (parts.claims ?? []).map(cited),
    observations: (parts.observations ?? []).map(cited),
    questions: (parts.questions ?? []).map((question) =>
      cited({ ...question, hypotheses: ((question.hypotheses as ReadonlyArray<Items>) ?? []).map(cited) })
    )
  })

/** A statement in `org-a`'s name on a channel, observed on a day. */
export const statement = (id: string, channel: string, observed: string, extra: Items = {}): Items => ({
  id,
  channel,
  observed,
  issuer: { nameAsPrinted: "Org A", actor: "org-a" },
  ...extra
})

export const day = (text: string) => text as IsoDay

export const findingsOf = (rule: Rule, caseFile: CaseFile, asOf = "2030-01-01") =>
  rule.apply(viewCase(caseFile, day(asOf)))
