import { type CaseFile, caseModel, type IsoDay } from "@allegiance/domain"
import { Schema } from "effect"
import { kinds } from "../src/index.ts"

type Items = Record<string, unknown>

const cited = (item: Items): Items => ({ cites: [{ paragraph: 1 }], ...item })
const decode = Schema.decodeUnknownSync(caseModel(kinds).CaseFile)

/**
 * A small case for the example's own tests, written as a case file would be, with a citation added to
 * every item: a group `band` with a person `leader` who has an account of his own, `@leader`, beside the
 * group's `@band`, and a news agency graded B.
 */
export const buildCase = (parts: {
  readonly statements?: ReadonlyArray<Items>
  readonly claims?: ReadonlyArray<Items>
  readonly sources?: ReadonlyArray<Items>
}): CaseFile =>
  decode({
    case: { id: "test-case", title: "A test case" },
    actors: [
      { id: "band", kind: "group", name: { primary: "The Band" } },
      { id: "leader", kind: "person", parent: "band", name: { primary: "The Leader" } },
      { id: "deputy", kind: "person", parent: "band", name: { primary: "The Deputy" } }
    ].map(cited),
    channels: [
      { id: "band-media", kind: "social-media-account", handle: "@band", speaksFor: "band" },
      { id: "leader-account", kind: "social-media-account", handle: "@leader", speaksFor: "leader" }
    ].map(cited),
    sources: (
      parts.sources ?? [
        { id: "agency", kind: "news-report", description: "A news agency.", reliability: "B" }
      ]
    ).map(cited),
    statements: (parts.statements ?? []).map(cited),
    claims: (parts.claims ?? []).map(cited)
  })

/** A statement on a channel, in the name of an actor (and signed by a part of it, when given). */
export const statement = (
  id: string,
  observed: string,
  issuer: { readonly actor: string; readonly signedBy?: string },
  extra: Items = {}
): Items => ({
  id,
  channel: issuer.actor === "leader" ? "leader-account" : "band-media",
  observed,
  issuer: { nameAsPrinted: issuer.actor, ...issuer },
  ...extra
})

/** The group's announcement that the leader died on `died`, made by the statement `by`. */
export const announcedDeath = (id: string, by: string, died: string, extra: Items = {}): Items => ({
  id,
  kind: "reported-death",
  scope: "leader",
  madeBy: { statement: by },
  actor: "leader",
  died,
  ...extra
})

export const day = (text: string) => text as IsoDay
