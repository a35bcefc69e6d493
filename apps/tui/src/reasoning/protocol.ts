/**
 * The messages between the UI's thread and the reasoning worker. Every request carries a number; the
 * worker answers each with that number, and sends history progress as it works it out.
 */
import type { IsoDay } from "@allegiance/domain"
import type { AsOfView, ChangeSince, ItemDetail } from "@allegiance/present"
import type {
  AccessProblem,
  Evaluated,
  HistoryProgress,
  ItemEdit,
  Outlined,
  RevisionStamp,
  ViewRows
} from "../access/case-access.ts"

/** What the worker is started with. */
export interface WorkerStart {
  readonly filename: string
  readonly caseName: string
  readonly author: string
}

export type Request =
  | { readonly type: "outline" }
  /**
   * The outline the UI read from the store's digest (`OutlineDigest`): the worker works out the same
   * outline from the same text and changes, and reads the case at that revision. Not answered.
   */
  | {
      readonly type: "adopt"
      readonly revision: RevisionStamp
      readonly bytes: Uint8Array
      readonly changes: ReadonlyArray<ChangeSince>
    }
  | { readonly type: "evaluate"; readonly asOf: IsoDay }
  | { readonly type: "rows"; readonly kind: keyof ViewRows; readonly asOf: IsoDay }
  | { readonly type: "detail"; readonly id: string; readonly asOf: IsoDay }
  | { readonly type: "history"; readonly id: string; readonly until: IsoDay }
  | { readonly type: "stop-history"; readonly history: number }
  | {
      readonly type: "save"
      readonly edit: ItemEdit
      readonly reason: string
      readonly basedOn: number
      readonly asOf: IsoDay
    }
  | { readonly type: "undo"; readonly basedOn: number; readonly asOf: IsoDay }

export interface Answers {
  readonly outline: Outlined
  readonly adopt: null
  readonly evaluate: Evaluated
  readonly rows: ViewRows[keyof ViewRows]
  readonly detail: ItemDetail | undefined
  readonly history: null
  readonly "stop-history": null
  readonly save: { readonly revision: RevisionStamp; readonly view: AsOfView }
  readonly undo: Outlined & { readonly view: AsOfView }
}

export type Reply =
  | { readonly type: "answer"; readonly request: number; readonly ok: true; readonly value: unknown }
  | { readonly type: "answer"; readonly request: number; readonly ok: false; readonly problem: AccessProblem }
  | { readonly type: "history"; readonly request: number; readonly progress: HistoryProgress }

export type Envelope = { readonly request: number } & Request
