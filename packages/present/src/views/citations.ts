import type { CaseFile } from "@allegiance/domain"
import { caseIndex } from "./case-index.ts"

/**
 * Which graded sources stand behind the items of a case: what a brief cites beside a sentence that
 * rests on those items. A source stands behind itself; a channel's statements rest on the sources that
 * report through that channel (the account itself, the individual who writes on it); a claim rests on
 * the source that reports it or on the statement that makes it; an observation on the source that saw it;
 * a background relationship on the sources the analyst gives for it. Other items (actors, questions,
 * derived verdicts) have no source of their own.
 */
export interface SourceLookup {
  /** The sources behind these items, each once, in the order first met. */
  readonly behind: (ids: Iterable<string>) => ReadonlyArray<string>
}

/**
 * The case's items are indexed once (`caseIndex`, shared with the other views); the sources behind each
 * are worked out when asked for, so that a brief of a large case looks up only the items it cites.
 */
export const sourceLookup = (caseFile: CaseFile): SourceLookup => {
  const index = caseIndex(caseFile)
  const ofChannel = new Map<string, Array<string>>()
  const sources = new Set<string>()
  for (const source of caseFile.sources) {
    sources.add(source.id)
    if (source.channel !== undefined) {
      const list = ofChannel.get(source.channel)
      if (list === undefined) ofChannel.set(source.channel, [source.id])
      else list.push(source.id)
    }
  }
  const relationships = new Map(
    caseFile.relationships.map((relationship) => [relationship.id as string, relationship.sources])
  )
  const none: ReadonlyArray<string> = []
  const channelSources = (channel: string | undefined) =>
    channel === undefined ? none : (ofChannel.get(channel) ?? none)
  const direct = (id: string): ReadonlyArray<string> => {
    if (sources.has(id)) return [id]
    const statement = index.statements.get(id)
    if (statement !== undefined) return channelSources(statement.channel)
    // A claim made by a statement rests on what that statement rests on.
    const claim = index.claims.get(id)
    if (claim !== undefined)
      return "source" in claim.madeBy
        ? [claim.madeBy.source]
        : channelSources(index.statements.get(claim.madeBy.statement)?.channel)
    const observation = index.observations.get(id)
    if (observation !== undefined) return [observation.source]
    if (index.channelHandles.has(id)) return channelSources(id)
    return relationships.get(id) ?? none
  }
  return {
    behind: (ids) => {
      const found = new Set<string>()
      for (const id of ids) for (const source of direct(id)) found.add(source)
      return [...found]
    }
  }
}
