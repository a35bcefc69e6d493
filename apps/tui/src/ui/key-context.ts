/** What a key is handled with: where the reader is, what the case session and the list show, the open form's support. */
import type { CaseOutline } from "@allegiance/present"
import type { Dispatch } from "react"
import type { CaseAccess } from "../access/case-access.ts"
import type { CaseSession } from "./case-session.ts"
import type { FormSupport } from "./form-support.ts"
import type { ListModel } from "./list-model.ts"
import type { Action, UiState } from "./state.ts"

export interface KeyContext {
  readonly access: CaseAccess
  readonly state: UiState
  readonly dispatch: Dispatch<Action>
  readonly session: CaseSession
  readonly outline: CaseOutline | undefined
  readonly list: ListModel
  readonly form: FormSupport
  /** How many lines the help overlay has. */
  readonly helpLength: number
  readonly exit: () => void
}

/** Says something in the footer. */
export const say = (context: KeyContext, text: string, tone: "good" | "bad" | "quiet" = "quiet") =>
  context.dispatch({ type: "message", message: { text, tone } })
