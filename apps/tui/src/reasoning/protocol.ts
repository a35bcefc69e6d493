/**
 * The messages between the UI's thread and the reasoning worker. Every request carries a number; the
 * worker answers each with that number, and sends history progress as it works it out.
 */
import type { IsoDay } from "@allegiance/domain"
import type { AsOfView, ItemDetail } from "@allegiance/present"
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
