import { type CaseView, phrasesOpenAlike, renamedIds } from "./case-view.ts"
import { type Finding, wordedFrom } from "./finding.ts"

/** How many ids a line of views may rename before its findings are made afresh. */
const renamedAt = 1 << 12

/**
 * Where a view keeps the findings it takes from the views before it: `shared` by every view of its line
 * (views moved on one from another, with phrases opening alike), for findings that name no item renamed
 * since the line began (`renamed`); `own`, for those that do.
 */
interface Kept<K> {
  readonly shared: Map<K, Finding>
  readonly renamed: ReadonlySet<string>
  readonly own: Map<K, Finding>
}

/**
 * Findings a rule makes again and again as its groups are worked out again view after view, taken from
 * the views before this one instead of made anew: a group worked out again then hands back the very
 * findings it made before, which cost no new sentences to compare (`keptWhereSame`).
 *
 * `key` must say all that the finding is made of apart from names (which items, which claim, which
 * attacker), and `named` every id whose name its words (and what would settle it) read. A finding stands
 * in a later view of its line unless one of those was renamed on the way: the names of all other items
 * read the same there, as a finding kept in the line was worded (`phrasesOpenAlike`). A line ends where
 * phrases open otherwise, and where it has renamed many items; not on a day an actor moves in the tree,
 * as what a finding is made of is in its key (an attack by a piece of activity names its actor and
 * item, whatever the tree makes of them).
 *
 * `keptFromWhole`: a view evaluated whole keeps its findings too, for keys that cost nothing to write
 * (an object the view holds).
 */
export const carriedFindings = <K>(options: { readonly keptFromWhole?: boolean } = {}) => {
  const kept = new WeakMap<CaseView, Kept<K>>()
  const keptIn = (view: CaseView): Kept<K> => {
    const known = kept.get(view)
    if (known !== undefined) return known
    const earlier = view.extends?.view.deref()
    // A view in which the rule asked for none of these findings still carries the line on.
    const before = earlier === undefined ? undefined : keptIn(earlier)
    const renamed = renamedIds(view)
    let made: Kept<K>
    if (before === undefined || !phrasesOpenAlike(view) || before.renamed.size + renamed.size > renamedAt)
      made = { shared: new Map(), renamed: new Set(), own: new Map() }
    else if (renamed.size === 0) made = { shared: before.shared, renamed: before.renamed, own: before.own }
    else {
      const all = new Set(before.renamed)
      for (const id of renamed) all.add(id)
      made = { shared: before.shared, renamed: all, own: new Map() }
    }
    kept.set(view, made)
    return made
  }
  return (view: CaseView, key: K, named: ReadonlyArray<string>, make: () => Finding): Finding => {
    // A view evaluated whole keeps none unless told to: keeping every finding of a large case by a key
    // written for it costs more than the first move on saves, which makes again only those of the
    // groups it touches.
    const { shared, renamed, own } = keptIn(view)
    if (view.extends === undefined && options.keptFromWhole !== true) {
      // Not kept, but marked: the same finding made again later in the line is known to read alike.
      const finding = make()
      wordedFrom(finding, shared, key)
      return finding
    }
    let apart = false
    if (renamed.size > 0) for (const id of named) apart ||= renamed.has(id)
    const memory = apart ? own : shared
    let finding = memory.get(key)
    if (finding === undefined) {
      finding = make()
      memory.set(key, finding)
      if (!apart) wordedFrom(finding, shared, key)
    }
    return finding
  }
}
