import { type CaseView, viewWordedAlike } from "./case-view.ts"
import type { Finding } from "./finding.ts"

/** How many views back a finding is looked for before it is made again. */
const viewsBack = 16

/**
 * Findings a rule makes again and again as its groups are worked out again view after view, taken from
 * a view before this one instead of made anew: a group worked out again then hands back the very
 * findings it made before, which cost no new sentences to compare (`keptWhereSame`).
 *
 * `key` must say all that the finding is made of apart from names (which items, which claim, which
 * attacker), and `named` every id whose name its words (and what would settle it) read. The finding of a
 * view a few back is taken where, link by link, none of those was renamed and phrases open alike
 * (`viewWordedAlike`). The line stops at a day on which an actor moved in the tree: what a rule gathers
 * there from the tree is gathered afresh.
 */
export const carriedFindings = <K>() => {
  const made = new WeakMap<CaseView, Map<K, Finding>>()
  return (view: CaseView, key: K, named: ReadonlyArray<string>, make: () => Finding): Finding => {
    let own = made.get(view)
    if (own === undefined) {
      own = new Map()
      made.set(view, own)
    }
    const known = own.get(key)
    if (known !== undefined) return known
    let finding: Finding | undefined
    // The group was last worked out a few views back, most likely: its finding is looked for there.
    let from: CaseView | undefined = view
    for (let back = 0; back < viewsBack && finding === undefined && from !== undefined; back++) {
      if (from.extends?.treeMoved !== undefined) break
      from = viewWordedAlike(from, named)
      finding = from === undefined ? undefined : made.get(from)?.get(key)
    }
    finding ??= make()
    own.set(key, finding)
    return finding
  }
}
