import type { IsoDay } from "../calendar/printed-date.ts"
import type { Actor } from "../model/actor.ts"

/**
 * The actor tree as it stood on a day. An actor's `parent` is its undated link; its `parents` are dated
 * links (a faction that left one group for another), and where one holds on the day it takes the place of
 * `parent`. Most actors have no dated link, and for them nothing is looked up but `parent`.
 */
export const parentAt = (actor: Actor, day: IsoDay): string | undefined => {
  const links = actor.parents
  if (links === undefined || links.length === 0) return actor.parent
  let best: { readonly actor: string; readonly since: string } | undefined
  for (const link of links) {
    if (link.since !== undefined && link.since.start > day) continue
    if (link.until !== undefined && link.until.end < day) continue
    const since = link.since?.start ?? ""
    if (best === undefined || since > best.since) best = { actor: link.actor, since }
  }
  return best?.actor ?? actor.parent
}
