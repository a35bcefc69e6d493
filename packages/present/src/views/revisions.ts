/** What the History view lists of one revision of a stored case (the store's revision summary). */
export interface RevisionFacts {
  readonly number: number
  readonly author: string
  readonly at: string
  readonly reason: string
  readonly undoes: number | null
  readonly added: number
  readonly changed: number
  readonly removed: number
}

/** One revision as the History view shows it: who, when, why and what changed, in words. */
export interface RevisionRow {
  readonly number: number
  readonly author: string
  /** "2026-12-01 20:50 UTC". */
  readonly when: string
  readonly reason: string
  /** "added 1 item", "changed 2 items, removed 1 item", "nothing changed". */
  readonly changes: string
  readonly undoes?: number
  /** Only the latest revision can be undone from here. */
  readonly latest: boolean
}

const items = (count: number, verb: string) => `${verb} ${count} item${count === 1 ? "" : "s"}`

/** The case's revisions, latest first. */
export const revisionRows = (revisions: ReadonlyArray<RevisionFacts>): ReadonlyArray<RevisionRow> => {
  const latest = revisions.reduce((top, revision) => Math.max(top, revision.number), 0)
  return [...revisions]
    .sort((a, b) => b.number - a.number)
    .map((revision) => {
      const parts = [
        ...(revision.added > 0 ? [items(revision.added, "added")] : []),
        ...(revision.changed > 0 ? [items(revision.changed, "changed")] : []),
        ...(revision.removed > 0 ? [items(revision.removed, "removed")] : [])
      ]
      return {
        number: revision.number,
        author: revision.author,
        when: `${revision.at.slice(0, 10)} ${revision.at.slice(11, 16)} UTC`,
        reason: revision.reason,
        changes: parts.length === 0 ? "nothing changed" : parts.join(", "),
        ...(revision.undoes === null ? {} : { undoes: revision.undoes }),
        latest: revision.number === latest
      }
    })
}
