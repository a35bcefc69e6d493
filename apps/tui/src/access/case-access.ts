/**
 * The one seam between the terminal UI and the case it works on. The UI renders and sends edits; every
 * read of the case, every evaluation and every write goes through a `CaseAccess`. Today's
 * implementation (`local-access.ts`) reads and writes the local store and reasons in a worker thread;
 * an implementation over the HTTP API (`allegiance --api URL --token T`) implements the same interface:
 *
 *   open            GET the case (its items as a case file writes them, decoded on this side) and head revision
 *   evaluate        GET what the views show as of a day (`AsOfView` of @allegiance/present, plain JSON)
 *   detail          GET one item's detail as of a day (`ItemDetail`)
 *   verdictHistory  GET when and why one item's verdict changed; may arrive in parts (`onProgress`)
 *   save            POST one item change with a reason and the revision it is based on; a 409 is a conflict
 *   undo            POST an undo of the latest revision, based on the head the UI saw
 *   revisions       GET the case's revisions
 *
 * Everything that crosses it is plain data (no classes, no functions) except the case file that `open`
 * returns, which each side decodes for itself. Failures are values (`AccessProblem`), never thrown,
 * so that the UI can keep what the analyst typed and say what happened.
 */
import type { CaseFile, IsoDay, VerdictChange } from "@allegiance/domain"
import type { AsOfView, ItemDetail, RevisionFacts } from "@allegiance/present"

/** A revision of the case as the UI shows it in the status line and History. */
export interface RevisionStamp {
  readonly number: number
  readonly author: string
  readonly at: string
  readonly reason: string
}

export interface OpenedCase {
  readonly caseName: string
  readonly caseFile: CaseFile
  readonly revision: RevisionStamp
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
  /** The store or the reasoning could not do it (unreachable, damaged...). */
  | { readonly kind: "failed"; readonly message: string }

export type Outcome<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly problem: AccessProblem }

/** One item to add, replace or remove: a case file's section, the item's id, and its body as a case file writes it. */
export interface ItemEdit {
  readonly section: "statements" | "claims" | "observations"
  readonly id: string
  readonly body: unknown
}

/** What a save or an undo leaves: the new revision, the case as it now stands, and its views as of the day asked. */
export interface Saved {
  readonly revision: RevisionStamp
  readonly caseFile: CaseFile
  readonly view: AsOfView
}

/** Part of an item's verdict history, as it is worked out: the changes so far, and how far it got. */
export interface HistoryProgress {
  readonly changes: ReadonlyArray<VerdictChange>
  /** The event days looked at so far, and in all. */
  readonly daysDone: number
  readonly daysInAll: number
  /** The last day looked at. */
  readonly through?: IsoDay
  readonly done: boolean
}

export interface CaseAccess {
  /** Where the case is read from, for the status line: a store file, an API address. */
  readonly location: string
  readonly open: () => Promise<Outcome<OpenedCase>>
  readonly evaluate: (asOf: IsoDay) => Promise<Outcome<AsOfView>>
  readonly detail: (id: string, asOf: IsoDay) => Promise<Outcome<ItemDetail | undefined>>
  /** Starts working out an item's verdict history up to `until`; `onProgress` hears each part. Returns a way to stop. */
  readonly verdictHistory: (
    id: string,
    until: IsoDay,
    onProgress: (progress: HistoryProgress) => void
  ) => () => void
  readonly save: (edit: ItemEdit, reason: string, basedOn: number, asOf: IsoDay) => Promise<Outcome<Saved>>
  readonly undo: (basedOn: number, asOf: IsoDay) => Promise<Outcome<Saved>>
  readonly revisions: () => Promise<Outcome<ReadonlyArray<RevisionFacts>>>
  readonly close: () => Promise<void>
}
