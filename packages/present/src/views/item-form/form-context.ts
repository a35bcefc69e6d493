/**
 * What a form is checked against and picks from: the case's own section, its actors, channels and
 * sources (small, held whole), what every other id of the case names (from its outline), and those of
 * its statements, claims and observations the form names, once fetched. A form over a case of 100,000
 * statements needs the few it names, not the case.
 */
import {
  Actor,
  type CaseFile,
  CaseInfo,
  Channel,
  Claim,
  Observation,
  Source,
  Statement
} from "@allegiance/domain"
import { Schema } from "effect"
import type { CaseOutline } from "../case-outline.ts"
import { type OutlineLookup, outlineLookup } from "../outline-names.ts"
import { caseOutlineOf } from "../outline-of-case.ts"

export type Evidence = Statement | Claim | Observation

export interface FormContext {
  readonly outline: CaseOutline
  readonly case: CaseInfo
  readonly actors: ReadonlyArray<Actor>
  readonly channels: ReadonlyArray<Channel>
  readonly sources: ReadonlyArray<Source>
  /** What each id of the case names, and what a reader calls it. */
  readonly names: OutlineLookup
  /** A statement, claim or observation of the case, when at hand. */
  readonly evidence: (id: string) => Evidence | undefined
}

const decoders = {
  case: Schema.decodeUnknownSync(CaseInfo),
  actor: Schema.decodeUnknownSync(Actor),
  channel: Schema.decodeUnknownSync(Channel),
  source: Schema.decodeUnknownSync(Source),
  statements: Schema.decodeUnknownSync(Statement),
  claims: Schema.decodeUnknownSync(Claim),
  observations: Schema.decodeUnknownSync(Observation)
}

/** The small sections decoded, once per outline's parts (which saved statements, claims and observations leave as they are). */
const decodedParts = new WeakMap<
  CaseOutline["parts"],
  Pick<FormContext, "case" | "actors" | "channels" | "sources">
>()

/** The context of forms on a case drawn from its outline; `evidence` gives the items fetched so far. */
export const formContextOf = (
  outline: CaseOutline,
  evidence: (id: string) => Evidence | undefined = () => undefined
): FormContext => {
  let decoded = decodedParts.get(outline.parts)
  if (decoded === undefined) {
    decoded = {
      case: decoders.case(outline.parts.case),
      actors: outline.parts.actors.map((actor) => decoders.actor(actor)),
      channels: outline.parts.channels.map((channel) => decoders.channel(channel)),
      sources: outline.parts.sources.map((source) => decoders.source(source))
    }
    decodedParts.set(outline.parts, decoded)
  }
  return { ...decoded, outline, names: outlineLookup(outline), evidence }
}

/** The context with more of the case's statements, claims and observations at hand, as a case file writes them. */
export const withEvidence = (
  context: FormContext,
  items: ReadonlyArray<{ readonly section: string; readonly body: unknown }>
): FormContext => {
  const fetched = new Map<string, Evidence>()
  for (const { section, body } of items) {
    if (section !== "statements" && section !== "claims" && section !== "observations") continue
    const item = decoders[section](body) as Evidence
    fetched.set(item.id, item)
  }
  const before = context.evidence
  return { ...context, evidence: (id) => fetched.get(id) ?? before(id) }
}

/** The context of forms on a case held whole. */
export const formContext = (caseFile: CaseFile): FormContext => {
  const byId = new Map<string, Evidence>()
  for (const section of [caseFile.statements, caseFile.claims, caseFile.observations])
    for (const item of section) byId.set(item.id, item)
  return formContextOf(caseOutlineOf(caseFile), (id) => byId.get(id))
}
