/** The outline of a case held decoded (on a server, or in a test). */
import { Actor, type CaseFile, CaseInfo, Channel, Source } from "@allegiance/domain"
import { Schema } from "effect"
import { type CaseOutline, caseOutline } from "./case-outline.ts"

const encoders = {
  case: Schema.encodeSync(CaseInfo),
  actor: Schema.encodeSync(Actor),
  channel: Schema.encodeSync(Channel),
  source: Schema.encodeSync(Source)
}

const outlines = new WeakMap<CaseFile, CaseOutline>()

/** The outline of `caseFile`, worked out once per case. */
export const caseOutlineOf = (caseFile: CaseFile): CaseOutline => {
  const known = outlines.get(caseFile)
  if (known !== undefined) return known
  const outline = caseOutline(
    { ...caseFile, relationships: caseFile.relationships.length, questions: caseFile.questions.length },
    {
      case: encoders.case(caseFile.case),
      actors: caseFile.actors.map((actor) => encoders.actor(actor)),
      channels: caseFile.channels.map((channel) => encoders.channel(channel)),
      sources: caseFile.sources.map((source) => encoders.source(source))
    }
  )
  outlines.set(caseFile, outline)
  return outline
}
