import type { CaseFile } from "@allegiance/domain"

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

/** Items are indexed once; the sources behind each are worked out when first asked for. */
export const sourceLookup = (caseFile: CaseFile): SourceLookup => {
  const ofChannel = new Map<string, Array<string>>()
  for (const source of caseFile.sources)
    if (source.channel !== undefined) {
      const list = ofChannel.get(source.channel)
      if (list === undefined) ofChannel.set(source.channel, [source.id])
      else list.push(source.id)
    }
  const none: ReadonlyArray<string> = []
  const channelSources = (channel: string | undefined) =>
    channel === undefined ? none : (ofChannel.get(channel) ?? none)
  const direct = new Map<string, () => ReadonlyArray<string>>()
  for (const source of caseFile.sources) direct.set(source.id, () => [source.id])
  for (const channel of caseFile.channels) direct.set(channel.id, () => channelSources(channel.id))
  for (const statement of caseFile.statements)
    direct.set(statement.id, () => channelSources(statement.channel))
  for (const observation of caseFile.observations) direct.set(observation.id, () => [observation.source])
  for (const relationship of caseFile.relationships) direct.set(relationship.id, () => relationship.sources)
  // A claim made by a statement rests on what that statement rests on.
  for (const claim of caseFile.claims)
    direct.set(claim.id, () =>
      "source" in claim.madeBy ? [claim.madeBy.source] : (direct.get(claim.madeBy.statement)?.() ?? none)
    )
  return {
    behind: (ids) => {
      const found = new Set<string>()
      for (const id of ids) for (const source of direct.get(id)?.() ?? none) found.add(source)
      return [...found]
    }
  }
}
