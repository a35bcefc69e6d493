/**
 * The one seam between the terminal UI and the case it works on. The UI renders and sends edits; every
 * read of the case, every evaluation and every write goes through a `CaseAccess`. Two implementations:
 * over the local store with the reasoning in a worker thread (`local-access.ts`), and over the HTTP
 * API of `allegiance serve` through the typed client (`remote-access.ts`), where the server reasons.
 *
 *   open            the case's name and head revision: the status line, before anything is read
 *   outline         what the lists and pickers show (`CaseOutline` of @allegiance/present), read at the
 *                   head again when it moved; a store hands it over before the case is decoded
 *   evaluate        what the views show as of a day (`AsOfView`), aligned with the outline last given
 *   rows            the rows of the Actors, Relationships or Hypotheses view as of a day, when it shows
 *   detail          one item's detail as of a day (`ItemDetail`)
 *   verdictHistory  when and why one item's verdict changed; may arrive in parts (`onProgress`)
 *   items           statements, claims and observations as a case file writes them (a form's needs)
 *   save            one item change with a reason and the revision it is based on
 *   undo            an undo of the latest revision, based on the head the UI saw
 *   revisions       the case's revisions
 *   watch           revisions others save, where the access can be told of them
 *
 * Everything that crosses it is plain data (no classes, no functions). Failures are values
 * (`AccessProblem`), never thrown, so that the UI can keep what the analyst typed and say what happened.
 */
import type { HistoryProgress, IsoDay } from "@allegiance/domain"
import type {
  ActorRow,
  AsOfView,
  CaseOutline,
  EvidenceSection,
  HypothesesMatrix,
  ItemDetail,
  RelationshipRow,
  RevisionFacts
} from "@allegiance/present"

/** A revision of the case as the UI shows it in the status line and History. */
export interface RevisionStamp {
  readonly number: number
  readonly author: string
  readonly at: string
  readonly reason: string
}

export interface OpenedCase {
  readonly caseName: string
  readonly revision: RevisionStamp
}

/** The outline of the case at a revision. */
export interface Outlined {
  readonly revision: RevisionStamp
  readonly outline: CaseOutline
}

/** A day's views, of the case at a revision (the outline's). */
export interface Evaluated {
  readonly revision: number
  readonly view: AsOfView
}

/** The rows of the views that are drawn only when shown (large in a large case). */
export interface ViewRows {
  readonly actors: ReadonlyArray<ActorRow>
  readonly relationships: ReadonlyArray<RelationshipRow>
  /** Each question's matrix, in the evaluation's order. */
  readonly hypotheses: ReadonlyArray<HypothesesMatrix>
}

/** Why an access failed, in words for the analyst. */
export type AccessProblem =
  | {
      /** Someone else saved first: nothing was saved; the UI keeps the form and can load their revision. */
      readonly kind: "conflict"
      readonly message: string
      readonly by: string
      readonly at: string
      readonly head: number
    }
  /** The store refused the change as it stands (what is wrong, item by item, field by field). */
  | { readonly kind: "refused"; readonly message: string; readonly problems: ReadonlyArray<string> }
  /** The store, the server or the reasoning could not do it (unreachable, damaged...). */
  | { readonly kind: "failed"; readonly message: string }

export type Outcome<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly problem: AccessProblem }

/** One item to add, replace or remove: a case file's section, the item's id, and its body as a case file writes it. */
export interface ItemEdit {
  readonly section: EvidenceSection
  readonly id: string
  readonly body: unknown
}

/** An item of the case as a case file writes it. */
export interface ItemBody {
  readonly section: EvidenceSection
  readonly id: string
  readonly body: unknown
}

/** What a save or an undo leaves: the new revision, the outline of the case as it now stands, and its views as of the day asked. */
export interface Saved {
  readonly revision: RevisionStamp
  readonly outline: CaseOutline
  readonly view: AsOfView
}

/** Part of an item's verdict history, as it is worked out: the changes so far, and how far it got. */
export type { HistoryProgress }

export interface CaseAccess {
  /** Where the case is read from, for the status line: a store file, an API address. */
  readonly location: string
  readonly open: () => Promise<Outcome<OpenedCase>>
  readonly outline: () => Promise<Outcome<Outlined>>
  readonly evaluate: (asOf: IsoDay) => Promise<Outcome<Evaluated>>
  readonly rows: <K extends keyof ViewRows>(kind: K, asOf: IsoDay) => Promise<Outcome<ViewRows[K]>>
  readonly detail: (id: string, asOf: IsoDay) => Promise<Outcome<ItemDetail | undefined>>
  /** Starts working out an item's verdict history up to `until`; `onProgress` hears each part. Returns a way to stop. */
  readonly verdictHistory: (
    id: string,
    until: IsoDay,
    onProgress: (progress: HistoryProgress) => void
  ) => () => void
  /** The items asked for that the case holds (at its head). */
  readonly items: (
    wanted: ReadonlyArray<{ readonly section: EvidenceSection; readonly id: string }>
  ) => Promise<Outcome<ReadonlyArray<ItemBody>>>
  readonly save: (edit: ItemEdit, reason: string, basedOn: number, asOf: IsoDay) => Promise<Outcome<Saved>>
  readonly undo: (basedOn: number, asOf: IsoDay) => Promise<Outcome<Saved>>
  readonly revisions: () => Promise<Outcome<ReadonlyArray<RevisionFacts>>>
  /** Hears of each revision someone else saves, where the access can tell (a server's event stream). Returns a way to stop. */
  readonly watch?: (onRevision: (revision: RevisionStamp) => void) => () => void
  readonly close: () => Promise<void>
}
