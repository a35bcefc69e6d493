/**
 * The case as the UI has it from its `CaseAccess`: the head revision, the outline its lists draw, the
 * views of the day on screen (and the day being worked out), the detail and verdict history of the
 * item open, the revisions; and the writes (save, undo, reload) with what they leave. A hook: what it
 * holds is React state, so that what arrives is drawn.
 */
import type { IsoDay } from "@allegiance/domain"
import {
  type AsOfView,
  type FormSession,
  type ItemDetail,
  type RevisionRow,
  revisionRows,
  saveRefused,
  savingForm
} from "@allegiance/present"
import { type Dispatch, useCallback, useEffect, useMemo, useRef, useState } from "react"
import type {
  CaseAccess,
  Evaluated,
  HistoryProgress,
  ItemEdit,
  OpenedCase,
  Outlined,
  RevisionStamp,
  ViewRows
} from "../access/case-access.ts"
import { evaluationQueue } from "./evaluation-queue.ts"
import { problemText } from "./problem-text.ts"
import type { Action, UiState } from "./state.ts"

/** A day's views on screen, the revision they are of, and the day shown before them. */
export interface Shown {
  readonly view: AsOfView
  readonly revision: number
  readonly previousDay: string | undefined
}

export type ShownRows = {
  [K in keyof ViewRows]: {
    readonly kind: K
    readonly asOf: string
    readonly revision: number
    readonly rows: ViewRows[K]
  }
}[keyof ViewRows]

export interface CaseSession {
  readonly opened?: OpenedCase | undefined
  readonly outlined?: Outlined | undefined
  /** The revision the screen is of: the outline's, once it is in. */
  readonly revision?: RevisionStamp | undefined
  readonly failure?: string | undefined
  readonly shown?: Shown | undefined
  /** The views on screen, when they are of the outline's revision (else its rows have no verdicts yet). */
  readonly current?: AsOfView | undefined
  readonly evaluating?: IsoDay | undefined
  readonly detail?:
    | { readonly id: string; readonly asOf: IsoDay; readonly detail: ItemDetail | undefined }
    | undefined
  readonly history?:
    | { readonly id: string; readonly asOf: IsoDay; readonly progress: HistoryProgress }
    | undefined
  readonly revisions?: { readonly revision: number; readonly rows: ReadonlyArray<RevisionRow> } | undefined
  /** The rows of the Actors or Relationships view, when shown, as of a day at a revision. */
  readonly rows?: ShownRows | undefined
  /** What a write under way is doing, for the status line. */
  readonly busy?: string | undefined
  readonly reload: (then?: () => void) => void
  readonly save: (session: FormSession, edit: ItemEdit, reason: string) => void
  readonly undo: () => void
}

export const useCaseSession = (
  access: CaseAccess,
  state: UiState,
  dispatch: Dispatch<Action>
): CaseSession => {
  const [opened, setOpened] = useState<OpenedCase>()
  const [outlined, setOutlined] = useState<Outlined>()
  const [failure, setFailure] = useState<string>()
  const [shown, setShown] = useState<Shown>()
  const [evaluating, setEvaluating] = useState<IsoDay>()
  const [detail, setDetail] = useState<CaseSession["detail"]>()
  const [history, setHistory] = useState<CaseSession["history"]>()
  const [revisions, setRevisions] = useState<CaseSession["revisions"]>()
  const [rows, setRows] = useState<ShownRows>()
  const [busy, setBusy] = useState<string>()
  const message = useCallback(
    (text: string, tone: "good" | "bad" | "quiet" = "quiet") =>
      dispatch({ type: "message", message: { text, tone } }),
    [dispatch]
  )

  // ---------------------------------------------------------------- the head first, then the outline
  useEffect(() => {
    void access.open().then((outcome) => {
      if (!outcome.ok) return setFailure(problemText(outcome.problem))
      setOpened(outcome.value)
    })
  }, [access])
  // Asked for once the status line is on screen: reading the outline may hold this thread a while.
  const isOpen = opened !== undefined
  useEffect(() => {
    if (!isOpen) return
    void access.outline().then((outline) => {
      if (outline.ok) setOutlined(outline.value)
      else setFailure(problemText(outline.problem))
    })
  }, [access, isOpen])
  const revision = outlined?.revision ?? opened?.revision
  const revisionNumber = outlined?.revision.number

  // ---------------------------------------------------------------- evaluations, one at a time, the latest day wins
  const shownRef = useRef(shown)
  shownRef.current = shown
  /** Shows a day's views; the ref follows at once, for an evaluation answered before the next render. */
  const show = useCallback((evaluated: Evaluated) => {
    const next = { ...evaluated, previousDay: shownRef.current?.view.asOf }
    shownRef.current = next
    setShown(next)
  }, [])
  const queue = useMemo(
    () =>
      evaluationQueue({
        evaluate: access.evaluate,
        shown: () =>
          shownRef.current === undefined
            ? undefined
            : { day: shownRef.current.view.asOf, revision: shownRef.current.revision },
        show,
        fail: (problem) => message(problemText(problem), "bad"),
        evaluating: setEvaluating
      }),
    [access, show, message]
  )
  useEffect(() => {
    if (revisionNumber !== undefined) queue.want(state.asOf, revisionNumber)
  }, [state.asOf, revisionNumber, queue])

  // ---------------------------------------------------------------- others' revisions, where the access hears of them
  const revisionRef = useRef(revisionNumber)
  revisionRef.current = revisionNumber
  useEffect(
    () =>
      access.watch?.((saved) => {
        if (revisionRef.current === undefined || saved.number <= revisionRef.current) return
        message(`${saved.author} saved revision ${saved.number} (${saved.reason}): R loads it.`, "quiet")
      }),
    [access, message]
  )

  // ---------------------------------------------------------------- detail and its verdict history
  const detailId = state.view === "detail" ? state.trail.at(-1)?.id : undefined
  useEffect(() => {
    if (detailId === undefined) return
    let live = true
    void access.detail(detailId, state.asOf).then((outcome) => {
      if (!live) return
      if (outcome.ok) setDetail({ id: detailId, asOf: state.asOf, detail: outcome.value })
      else message(problemText(outcome.problem), "bad")
    })
    return () => {
      live = false
    }
  }, [access, detailId, state.asOf, revisionNumber, message])
  useEffect(() => {
    if (detailId === undefined) return
    const day = state.asOf
    return access.verdictHistory(detailId, day, (progress) =>
      setHistory({ id: detailId, asOf: day, progress })
    )
  }, [access, detailId, state.asOf, revisionNumber])

  // ---------------------------------------------------------------- the rows of Actors, Relationships, Hypotheses
  // Asked for once the day's views are in, so that they come from the same evaluation, and a day
  // stepped past while it was evaluated is not evaluated for them.
  const dayShown = shown !== undefined && shown.view.asOf === state.asOf && shown.revision === revisionNumber
  useEffect(() => {
    if (state.view !== "actors" && state.view !== "relationships" && state.view !== "hypotheses") return
    if (!dayShown || revisionNumber === undefined) return
    const kind = state.view
    if (rows?.kind === kind && rows.asOf === state.asOf && rows.revision === revisionNumber) return
    let live = true
    void access.rows(kind, state.asOf).then((outcome) => {
      if (!live) return
      if (outcome.ok)
        setRows({ kind, asOf: state.asOf, revision: revisionNumber, rows: outcome.value } as ShownRows)
      else message(problemText(outcome.problem), "bad")
    })
    return () => {
      live = false
    }
  }, [access, state.view, state.asOf, revisionNumber, dayShown, rows, message])

  // ---------------------------------------------------------------- revisions
  useEffect(() => {
    if (state.view !== "history" || revisionNumber === undefined) return
    if (revisions?.revision === revisionNumber) return
    void access.revisions().then((outcome) => {
      if (outcome.ok) setRevisions({ revision: revisionNumber, rows: revisionRows(outcome.value) })
      else message(problemText(outcome.problem), "bad")
    })
  }, [access, state.view, revisionNumber, revisions, message])

  // ---------------------------------------------------------------- writes
  const setForm = (form: FormSession | undefined) => dispatch({ type: "form", form })
  const reload = (then?: () => void) => {
    setBusy("Loading the case again…")
    void access.outline().then((outcome) => {
      setBusy(undefined)
      if (!outcome.ok) return message(problemText(outcome.problem), "bad")
      setOutlined(outcome.value)
      const { number, author, reason } = outcome.value.revision
      message(`Loaded revision ${number} (${author}: ${reason}).`)
      then?.()
    })
  }
  const undo = () => {
    if (outlined === undefined) return
    const undone = outlined.revision.number
    setBusy(`Undoing revision ${undone}…`)
    void access.undo(undone, state.asOf).then((outcome) => {
      setBusy(undefined)
      if (!outcome.ok) return message(`${problemText(outcome.problem)} Nothing was undone.`, "bad")
      setOutlined({ revision: outcome.value.revision, outline: outcome.value.outline })
      show({ view: outcome.value.view, revision: outcome.value.revision.number })
      message(
        `Undone: revision ${outcome.value.revision.number} puts back what revision ${undone} changed.`,
        "good"
      )
    })
  }
  const save = (session: FormSession, edit: ItemEdit, reason: string) => {
    if (outlined === undefined) return
    setForm(savingForm(session))
    void access.save(edit, reason, outlined.revision.number, state.asOf).then((outcome) => {
      if (!outcome.ok) {
        const problem = outcome.problem
        const advice =
          problem.kind === "conflict"
            ? " Your form is kept: Ctrl-R loads their revision, then Ctrl-S saves yours on top of it."
            : " Your form is kept as typed."
        return setForm(
          saveRefused(
            session,
            `${problemText(problem)}${advice}`,
            problem.kind === "refused" ? problem.problems : []
          )
        )
      }
      setOutlined({ revision: outcome.value.revision, outline: outcome.value.outline })
      show({ view: outcome.value.view, revision: outcome.value.revision.number })
      setForm(undefined)
      message(`Saved revision ${outcome.value.revision.number}: ${reason} (u undoes it).`, "good")
    })
  }

  return {
    opened,
    outlined,
    revision,
    failure,
    shown,
    current: shown !== undefined && shown.revision === revisionNumber ? shown.view : undefined,
    evaluating,
    detail,
    history,
    revisions,
    rows,
    busy,
    reload,
    save,
    undo
  }
}
