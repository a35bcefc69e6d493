/**
 * The terminal UI: a status line (case, as-of day, revision), the views one key away, and the overlays
 * (help, prompts, forms). It renders what @allegiance/present works out and sends what the analyst asks
 * for to the `CaseAccess`; it computes nothing about the case itself.
 */
import type { IsoDay } from "@allegiance/domain"
import {
  type AsOfView,
  addEntry,
  caseLabels,
  checkForm,
  digestLookup,
  type FormState,
  formContext,
  formOfItem,
  formRows,
  type ItemDetail,
  newForm,
  pickOptions,
  readAsOfDay,
  removeEntry,
  type RevisionRow,
  revisionRows,
  setField,
  stepAsOf,
  timelineIndex,
  writtenDay
} from "@allegiance/present"
import { Result } from "effect"
import { Box, type Key, Text, useApp, useInput, useWindowSize } from "ink"
import { type ReactNode, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react"
import type { AccessProblem, CaseAccess, HistoryProgress, OpenedCase } from "../access/case-access.ts"
import { ColourContext, LineText, LinesWindow, useWindowStart } from "./draw.tsx"
import { FormView, formHelpLines } from "./form-view.tsx"
import { type Command, commandFor, helpFor, namedKey, tabs, type ViewName, viewTitles } from "./keys.ts"
import { type Line, line, pad } from "./lines.ts"
import { type FormSession, initialState, nextStatusFilter, reduce, type UiState } from "./state.ts"
import { actorLines } from "./views/actors.ts"
import { detailLines } from "./views/detail.ts"
import { historyLines } from "./views/history.ts"
import { hypothesesLines } from "./views/hypotheses.ts"
import { caseSizeLines, overviewLines } from "./views/overview.ts"
import { relationshipLines } from "./views/relationships.ts"
import { timelinePreview, timelineWindow } from "./views/timeline.ts"

export interface AppProps {
  readonly access: CaseAccess
  readonly asOf: IsoDay
  /** False under NO_COLOR. */
  readonly colour: boolean
}

const controlKeys: Record<string, keyof Key> = {
  "\r": "return",
  "\n": "return",
  "\t": "tab",
  "\x7f": "backspace",
  "\b": "backspace"
}

/**
 * One read of the terminal as the keys in it, one by one: text typed fast, pasted or sent by a script
 * arrives as one piece ("/graduation\r"), which Ink hands over whole; each character is a key here.
 */
export const splitKeys = (
  input: string,
  key: Key
): ReadonlyArray<{ readonly input: string; readonly key: Key }> => {
  const characters = Array.from(input)
  if (characters.length <= 1) return [{ input, key }]
  const plain = Object.fromEntries(
    Object.entries(key).map(([name, value]) => [name, typeof value === "boolean" ? false : value])
  ) as Key
  return characters.map((character) => {
    const control = controlKeys[character]
    return control === undefined
      ? { input: character, key: plain }
      : { input: "", key: { ...plain, [control]: true } }
  })
}

/** What the analyst is told when an access failed. */
const problemText = (problem: AccessProblem) =>
  problem.kind === "conflict"
    ? `${problem.by} saved revision ${problem.head} at ${problem.at.slice(0, 16).replace("T", " ")} UTC first, so nothing was saved.`
    : problem.message

const sectionOfKind = { statements: "statement", claims: "claim", observations: "observation" } as const

export const App = ({ access, asOf, colour }: AppProps) => {
  const { exit } = useApp()
  const { columns, rows } = useWindowSize()
  const width = Math.max(40, columns)
  const [state, dispatch] = useReducer(reduce, asOf, initialState)
  const [opened, setOpened] = useState<OpenedCase>()
  const [failure, setFailure] = useState<string>()
  const [shown, setShown] = useState<{ view: AsOfView; revision: number; previousDay: string | undefined }>()
  const [evaluating, setEvaluating] = useState<IsoDay>()
  const [detail, setDetail] = useState<{
    id: string
    asOf: IsoDay
    revision: number
    detail: ItemDetail | undefined
  }>()
  const [history, setHistory] = useState<{ id: string; asOf: IsoDay; progress: HistoryProgress }>()
  const [revisions, setRevisions] = useState<{ revision: number; rows: ReadonlyArray<RevisionRow> }>()
  const [busy, setBusy] = useState<string>()

  // ---------------------------------------------------------------- the case and what is worked out from it
  useEffect(() => {
    void access.open().then((outcome) => {
      if (outcome.ok) setOpened(outcome.value)
      else setFailure(problemText(outcome.problem))
    })
  }, [access])
  const caseFile = opened?.caseFile
  const labels = useMemo(() => (caseFile === undefined ? undefined : caseLabels(caseFile)), [caseFile])
  const timeline = useMemo(
    () => (caseFile === undefined || labels === undefined ? undefined : timelineIndex(caseFile, labels)),
    [caseFile, labels]
  )
  const verdicts = useMemo(
    () => (shown === undefined ? { get: () => undefined } : digestLookup(shown.view.verdicts)),
    [shown]
  )
  const changed = useMemo(() => new Set(shown?.view.changed ?? []), [shown])
  const filtering =
    state.filter.actor !== undefined ||
    state.filter.channel !== undefined ||
    state.filter.status !== undefined ||
    (state.filter.text ?? "") !== ""
  const places = useMemo(
    () => (timeline === undefined || !filtering ? undefined : timeline.filter(state.filter, verdicts)),
    [timeline, filtering, state.filter, verdicts]
  )
  const [context, setContext] = useState<ReturnType<typeof formContext>>()
  const formCheck = useMemo(
    () =>
      state.form === undefined || context === undefined ? undefined : checkForm(state.form.form, context),
    [state.form, context]
  )
  const rowsOfForm = useMemo(
    () =>
      state.form === undefined || context === undefined || formCheck === undefined
        ? []
        : formRows(state.form.form, context, formCheck),
    [state.form, context, formCheck]
  )

  // ---------------------------------------------------------------- evaluations, one at a time, the latest day wins
  const inFlight = useRef(false)
  const wanted = useRef<{ day: IsoDay; revision: number }>(undefined)
  const shownRef = useRef(shown)
  shownRef.current = shown
  /** Shows a day's views; the ref follows at once, for an evaluation answered before the next render. */
  const show = useCallback((view: AsOfView, revision: number) => {
    const next = { view, revision, previousDay: shownRef.current?.view.asOf }
    shownRef.current = next
    setShown(next)
  }, [])
  const evaluateNext = useCallback(() => {
    if (inFlight.current || wanted.current === undefined) return
    const { day, revision } = wanted.current
    wanted.current = undefined
    const current = shownRef.current
    if (current !== undefined && current.view.asOf === day && current.revision === revision) {
      setEvaluating(undefined)
      return
    }
    inFlight.current = true
    setEvaluating(day)
    void access.evaluate(day).then((outcome) => {
      inFlight.current = false
      if (outcome.ok) show(outcome.value, revision)
      else dispatch({ type: "message", message: { text: problemText(outcome.problem), tone: "bad" } })
      if (wanted.current === undefined) setEvaluating(undefined)
      evaluateNext()
    })
  }, [access, show])
  useEffect(() => {
    if (opened === undefined) return
    wanted.current = { day: state.asOf, revision: opened.revision.number }
    evaluateNext()
  }, [state.asOf, opened, evaluateNext])

  // ---------------------------------------------------------------- detail and its verdict history
  const detailId = state.view === "detail" ? state.trail.at(-1)?.id : undefined
  const revisionNumber = opened?.revision.number ?? 0
  useEffect(() => {
    if (detailId === undefined) return
    let live = true
    void access.detail(detailId, state.asOf).then((outcome) => {
      if (!live) return
      if (outcome.ok)
        setDetail({ id: detailId, asOf: state.asOf, revision: revisionNumber, detail: outcome.value })
      else dispatch({ type: "message", message: { text: problemText(outcome.problem), tone: "bad" } })
    })
    return () => {
      live = false
    }
  }, [access, detailId, state.asOf, revisionNumber])
  useEffect(() => {
    if (detailId === undefined) return
    const day = state.asOf
    return access.verdictHistory(detailId, day, (progress) =>
      setHistory({ id: detailId, asOf: day, progress })
    )
  }, [access, detailId, state.asOf, revisionNumber])

  // ---------------------------------------------------------------- revisions
  useEffect(() => {
    if (state.view !== "history" || opened === undefined) return
    if (revisions?.revision === opened.revision.number) return
    void access.revisions().then((outcome) => {
      if (outcome.ok) setRevisions({ revision: opened.revision.number, rows: revisionRows(outcome.value) })
      else dispatch({ type: "message", message: { text: problemText(outcome.problem), tone: "bad" } })
    })
  }, [access, state.view, opened, revisions])

  // ---------------------------------------------------------------- what the current view draws
  const bodyHeight = Math.max(3, rows - 3)
  const previewHeight = state.view === "timeline" ? 2 : 0
  const listHeight = bodyHeight - previewHeight
  const chosen = state.lines[state.view]
  const currentDetail =
    detail !== undefined && detail.id === detailId && detail.asOf === state.asOf ? detail.detail : undefined
  const allLines: ReadonlyArray<Line> | undefined = useMemo(() => {
    if (caseFile === undefined) return undefined
    const waiting = [
      line({ text: `Working out the verdicts as of ${writtenDay(state.asOf)}…`, tone: "accent" })
    ]
    switch (state.view) {
      case "overview":
        return shown === undefined
          ? [...caseSizeLines(caseFile), line(""), ...waiting]
          : overviewLines(shown.view, caseFile, width - 2, shown.previousDay)
      case "actors":
        return shown === undefined ? waiting : actorLines(shown.view.actors, width - 2)
      case "relationships":
        return shown === undefined ? waiting : relationshipLines(shown.view.relationships, width - 2)
      case "hypotheses":
        return shown === undefined
          ? waiting
          : hypothesesLines(shown.view.hypotheses, state.question, width - 2)
      case "history":
        return historyLines(revisions?.rows, width - 2)
      case "detail":
        if (currentDetail === undefined)
          return detail?.id === detailId && detail?.detail === undefined && detail?.asOf === state.asOf
            ? [line(`The case holds no item ${detailId}.`)]
            : [line({ text: "Reading the item…", dim: true })]
        return detailLines(
          currentDetail,
          history?.id === detailId && history?.asOf === state.asOf ? history.progress : undefined,
          width - 2
        )
      case "timeline":
        return undefined
    }
  }, [
    caseFile,
    state.view,
    state.asOf,
    state.question,
    shown,
    width,
    revisions,
    currentDetail,
    detail,
    detailId,
    history
  ])
  const length =
    state.view === "timeline" ? (places?.length ?? timeline?.length ?? 0) : (allLines?.length ?? 0)
  // The list may have shrunk under the selection (an undo, a filter, another day): keep it on a line.
  const selected = Math.max(0, Math.min(chosen, length - 1))
  const from = useWindowStart(selected, listHeight, length)
  const hits = useMemo(() => new Set(state.search?.hits ?? []), [state.search])
  const windowLines =
    state.view === "timeline" && timeline !== undefined
      ? timelineWindow(timeline, places, from, listHeight, verdicts, changed, hits, width - 2)
      : (allLines ?? []).slice(from, from + listHeight)
  const targetAt = (at: number): string | undefined => {
    if (state.view === "timeline") {
      if (timeline === undefined || at >= length) return undefined
      return timeline.idAt(places === undefined ? at : places[at]!)
    }
    return allLines?.[at]?.target
  }

  const helpLines: ReadonlyArray<Line> =
    state.form !== undefined
      ? formHelpLines()
      : helpFor(state.view).map((entry) => line({ text: pad(entry.keys, 16), bold: true }, entry.does))

  // ---------------------------------------------------------------- acting on keys
  const message = (text: string, tone: "good" | "bad" | "quiet" = "quiet") =>
    dispatch({ type: "message", message: { text, tone } })
  const setForm = (form: FormSession | undefined) => dispatch({ type: "form", form })
  const openForm = (form: FormState) => {
    if (caseFile === undefined || labels === undefined) return
    if (context?.caseFile !== caseFile) setContext(formContext(caseFile, labels))
    setForm({ form, field: 0 })
  }
  const selectedItem = ():
    | { section: "statements" | "claims" | "observations"; item: unknown }
    | undefined => {
    if (caseFile === undefined) return undefined
    const id = state.view === "detail" ? detailId : targetAt(selected)
    if (id === undefined) return undefined
    for (const section of ["statements", "claims", "observations"] as const) {
      const item = (caseFile[section] as ReadonlyArray<{ readonly id: string }>).find(
        (entry) => entry.id === id
      )
      if (item !== undefined) return { section, item }
    }
    return undefined
  }

  const run = (command: Command) => {
    if (caseFile === undefined || timeline === undefined || opened === undefined) {
      if (command.type === "quit") exit()
      return
    }
    switch (command.type) {
      case "show":
        return dispatch({ type: "show", view: command.view })
      case "move":
        return dispatch({ type: "select", line: Math.min(Math.max(0, length - 1), selected + command.by) })
      case "page":
        return dispatch({
          type: "select",
          line: Math.min(Math.max(0, length - 1), Math.max(0, selected + command.by * listHeight))
        })
      case "edge":
        return dispatch({ type: "select", line: command.to === "first" ? 0 : Math.max(0, length - 1) })
      case "open": {
        const id = targetAt(selected)
        if (id !== undefined) dispatch({ type: "open", id })
        return
      }
      case "back":
        return dispatch({ type: "back" })
      case "as-of":
        return dispatch({ type: "as-of", day: stepAsOf(state.asOf, command.step, command.direction) })
      case "event": {
        const around = timeline.neighbours(state.asOf)
        const day = command.direction === 1 ? around.next : around.previous
        if (day === undefined)
          return message(`No event ${command.direction === 1 ? "after" : "before"} this day.`)
        return dispatch({ type: "as-of", day })
      }
      case "ask":
        return dispatch({
          type: "overlay",
          overlay: {
            type: "prompt",
            prompt: command.prompt,
            text: command.prompt === "words" ? (state.filter.text ?? "") : ""
          }
        })
      case "hit": {
        const found = state.search?.hits ?? []
        if (found.length === 0) return message("No search hits: / searches.")
        const next =
          command.direction === 1
            ? (found.find((at) => at > selected) ?? found[0]!)
            : (found.findLast((at) => at < selected) ?? found.at(-1)!)
        return dispatch({ type: "select", line: next })
      }
      case "filter": {
        if (command.by === "clear") return dispatch({ type: "filter", filter: {} })
        if (command.by === "status") {
          const { status, ...rest } = state.filter
          const next = nextStatusFilter(status)
          return dispatch({ type: "filter", filter: next === undefined ? rest : { ...rest, status: next } })
        }
        const id = targetAt(selected)
        if (id === undefined) return
        const row = timeline.row(timeline.placeOf(id)!, verdicts)
        if (command.by === "actor") {
          const { actor: _, ...rest } = state.filter
          return dispatch({
            type: "filter",
            filter: state.filter.actor === undefined ? { ...rest, actor: row.actor.id } : rest
          })
        }
        const { channel: _, ...rest } = state.filter
        if (state.filter.channel !== undefined) return dispatch({ type: "filter", filter: rest })
        if (row.channel === undefined) return message("This row has no channel.")
        return dispatch({ type: "filter", filter: { ...rest, channel: row.channel.id } })
      }
      case "question":
        return dispatch({
          type: "question",
          question: Math.max(
            0,
            Math.min((shown?.view.hypotheses.length ?? 1) - 1, state.question + command.direction)
          )
        })
      case "new": {
        const around = selectedItem()
        const prefill: Record<string, string> = {}
        if (command.kind === "claim" && around?.section === "statements") {
          const statement = around.item as (typeof caseFile.statements)[number]
          prefill["madeBy.statement"] = statement.id
          prefill.scope = statement.issuer.actor
        }
        return openForm(newForm(command.kind, caseFile, prefill))
      }
      case "edit": {
        const item = selectedItem()
        if (item === undefined) return message("Select a statement, claim or observation to edit it.")
        return openForm(formOfItem(sectionOfKind[item.section], item.item))
      }
      case "undo":
        if (opened.revision.number <= 1)
          return message("There is no revision to undo: this is the case as first saved.")
        return dispatch({ type: "overlay", overlay: { type: "confirm-undo" } })
      case "reload":
        return reload()
      case "help":
        return dispatch({ type: "overlay", overlay: { type: "help", line: 0 } })
      case "quit":
        return exit()
    }
  }

  const reload = (then?: () => void) => {
    setBusy("Loading the case again…")
    void access.open().then((outcome) => {
      setBusy(undefined)
      if (!outcome.ok) return message(problemText(outcome.problem), "bad")
      setOpened(outcome.value)
      if (labels !== undefined)
        setContext(formContext(outcome.value.caseFile, caseLabels(outcome.value.caseFile)))
      message(
        `Loaded revision ${outcome.value.revision.number} (${outcome.value.revision.author}: ${outcome.value.revision.reason}).`
      )
      then?.()
    })
  }

  const undo = () => {
    if (opened === undefined) return
    setBusy(`Undoing revision ${opened.revision.number}…`)
    void access.undo(opened.revision.number, state.asOf).then((outcome) => {
      setBusy(undefined)
      if (!outcome.ok) return message(`${problemText(outcome.problem)} Nothing was undone.`, "bad")
      setOpened({ ...opened, caseFile: outcome.value.caseFile, revision: outcome.value.revision })
      show(outcome.value.view, outcome.value.revision.number)
      message(
        `Undone: revision ${outcome.value.revision.number} puts back what revision ${opened.revision.number} changed.`,
        "good"
      )
    })
  }

  const save = (session: FormSession, reason: string) => {
    if (opened === undefined || formCheck?.item === undefined) return
    const item = formCheck.item
    setForm({ ...session, reason: undefined, saving: true })
    void access
      .save(
        { section: item.section as "statements", id: item.id, body: item.body },
        reason,
        opened.revision.number,
        state.asOf
      )
      .then((outcome) => {
        if (!outcome.ok) {
          const problem = outcome.problem
          const advice =
            problem.kind === "conflict"
              ? " Your form is kept: Ctrl-R loads their revision, then Ctrl-S saves yours on top of it."
              : " Your form is kept as typed."
          setForm({
            ...session,
            reason: undefined,
            saving: false,
            outcome: {
              message: `${problemText(problem)}${advice}`,
              problems: problem.kind === "refused" ? problem.problems : []
            }
          })
          return
        }
        setOpened({ ...opened, caseFile: outcome.value.caseFile, revision: outcome.value.revision })
        show(outcome.value.view, outcome.value.revision.number)
        setForm(undefined)
        message(`Saved revision ${outcome.value.revision.number}: ${reason} (u undoes it).`, "good")
      })
  }

  const formInput = (
    session: FormSession,
    input: string,
    named: string | undefined,
    ctrl: boolean,
    shift: boolean
  ) => {
    if (context === undefined) return
    const row = rowsOfForm[session.field]
    const options =
      session.picker !== undefined && row?.type === "field" && row.field.input.type === "pick"
        ? pickOptions(context, row.field.input.of, row.value)
        : []
    const update = (form: FormState, field = session.field) =>
      setForm({ ...session, form, field, outcome: undefined })
    if (session.saving === true) return
    if (session.discarding === true) {
      if (input === "y") setForm(undefined)
      else setForm({ ...session, discarding: false })
      return
    }
    if (session.reason !== undefined) {
      if (named === "escape") return setForm({ ...session, reason: undefined })
      if (named === "return") {
        if (session.reason.trim() === "") return
        return save(session, session.reason.trim())
      }
      if (named === "backspace") return setForm({ ...session, reason: session.reason.slice(0, -1) })
      if (named === undefined && !ctrl && input !== "")
        setForm({ ...session, reason: session.reason + input })
      return
    }
    if (ctrl && input === "s") {
      if (formCheck?.item !== undefined) return setForm({ ...session, reason: "" })
      const first = rowsOfForm.findIndex(
        (candidate) => candidate.type === "field" && candidate.problems.length > 0
      )
      message(
        formCheck?.general.length
          ? formCheck.general.join(" ")
          : "Some fields need attention before saving (marked ✘).",
        "bad"
      )
      if (first >= 0) setForm({ ...session, field: first })
      return
    }
    if (ctrl && input === "r") return reload()
    if (ctrl && input === "d") {
      if (row?.type === "field" && row.entry !== undefined)
        update(removeEntry(session.form, row.entry.list, row.entry.index), Math.max(0, session.field - 1))
      return
    }
    if (session.picker !== undefined) {
      if (named === "escape") return setForm({ ...session, picker: undefined })
      if (named === "up")
        return setForm({ ...session, picker: { choice: Math.max(0, session.picker.choice - 1) } })
      if (named === "down")
        return setForm({
          ...session,
          picker: { choice: Math.min(options.length - 1, session.picker.choice + 1) }
        })
      if (named === "return") {
        const option = options[session.picker.choice]
        if (option !== undefined && row?.type === "field")
          setForm({
            ...session,
            form: setField(session.form, row.field.key, option.id),
            picker: undefined,
            field: Math.min(rowsOfForm.length - 1, session.field + 1)
          })
        return
      }
    }
    if (named === "escape") return setForm({ ...session, discarding: true })
    if (named === "home" || named === "end" || named === "pageUp" || named === "pageDown") {
      const field =
        named === "home"
          ? 0
          : named === "end"
            ? rowsOfForm.length - 1
            : Math.max(0, Math.min(rowsOfForm.length - 1, session.field + (named === "pageUp" ? -10 : 10)))
      return setForm({ ...session, field, picker: undefined })
    }
    if (named === "up" || (named === "tab" && shift))
      return setForm({ ...session, field: Math.max(0, session.field - 1), picker: undefined })
    if (named === "down" || named === "tab")
      return setForm({
        ...session,
        field: Math.min(rowsOfForm.length - 1, session.field + 1),
        picker: undefined
      })
    if (row === undefined) return
    if (row.type === "add") {
      if (named === "return") update(addEntry(session.form, row.list), session.field)
      return
    }
    if (row.locked) return
    const { field } = row
    if (
      (named === "left" || named === "right") &&
      (field.input.type === "choice" || field.input.type === "flag")
    ) {
      const choices = field.input.type === "flag" ? ["yes", "no"] : field.input.options
      const at = choices.indexOf(row.value)
      const next =
        choices[
          (at + (named === "right" ? 1 : choices.length - 1) + (at < 0 && named === "left" ? 1 : 0)) %
            choices.length
        ]!
      return update(setField(session.form, field.key, next))
    }
    if (named === "return") {
      if (field.input.type === "pick") return setForm({ ...session, picker: { choice: 0 } })
      return setForm({ ...session, field: Math.min(rowsOfForm.length - 1, session.field + 1) })
    }
    if (named === "backspace") return update(setField(session.form, field.key, row.value.slice(0, -1)))
    if (named === undefined && !ctrl && input !== "") {
      const picker = session.picker === undefined ? undefined : { choice: 0 }
      setForm({
        ...session,
        form: setField(session.form, field.key, row.value + input),
        outcome: undefined,
        ...(picker === undefined ? {} : { picker })
      })
    }
  }

  const promptInput = (
    overlay: Extract<UiState["overlay"], { type: "prompt" }>,
    input: string,
    named: string | undefined,
    ctrl: boolean
  ) => {
    const close = () => dispatch({ type: "overlay", overlay: { type: "none" } })
    if (named === "escape") return close()
    if (named === "backspace")
      return dispatch({ type: "overlay", overlay: { ...overlay, text: overlay.text.slice(0, -1) } })
    if (named === "return") {
      if (overlay.prompt === "as-of") {
        const read = readAsOfDay(overlay.text)
        if (Result.isFailure(read))
          return dispatch({ type: "overlay", overlay: { ...overlay, problem: read.failure } })
        close()
        dispatch({ type: "as-of", day: read.success.day })
        return message(`As of ${read.success.reading}.`)
      }
      if (overlay.prompt === "words") {
        close()
        const { text: _, ...rest } = state.filter
        return dispatch({
          type: "filter",
          filter: overlay.text.trim() === "" ? rest : { ...rest, text: overlay.text.trim() }
        })
      }
      close()
      if (timeline === undefined) return
      const found = timeline.search(overlay.text)
      const inList =
        places === undefined
          ? found
          : (() => {
              const wanted = new Set(found)
              return places.flatMap((place, at) => (wanted.has(place) ? [at] : []))
            })()
      dispatch({ type: "search", words: overlay.text, hits: inList })
      if (inList.length === 0) return message(`No row holds "${overlay.text}".`)
      dispatch({ type: "select", line: inList.find((at) => at >= selected) ?? inList[0]! })
      return message(
        `${inList.length} row${inList.length === 1 ? "" : "s"} hold "${overlay.text}": n and N step through them.`
      )
    }
    if (named === undefined && !ctrl && input !== "")
      dispatch({ type: "overlay", overlay: { ...overlay, text: overlay.text + input } })
  }

  /** Help scrolls with the arrows and pages; any other key closes it. */
  const helpInput = (overlay: Extract<UiState["overlay"], { type: "help" }>, named: string | undefined) => {
    const by =
      named === "up" ? -1 : named === "down" ? 1 : named === "pageUp" ? -10 : named === "pageDown" ? 10 : 0
    if (by === 0) return dispatch({ type: "overlay", overlay: { type: "none" } })
    dispatch({
      type: "overlay",
      overlay: { type: "help", line: Math.max(0, Math.min(helpLines.length - 1, overlay.line + by)) }
    })
  }

  const handleKey = (input: string, key: Key) => {
    const named = namedKey(key)
    if (key.ctrl && input === "c") return exit()
    if (state.form !== undefined) {
      if (input === "?" && state.form.reason === undefined && state.overlay.type !== "help")
        return dispatch({ type: "overlay", overlay: { type: "help", line: 0 } })
      if (state.overlay.type === "help") return helpInput(state.overlay, named)
      return formInput(state.form, input, named, key.ctrl, key.shift)
    }
    const overlay = state.overlay
    if (overlay.type === "help") return helpInput(overlay, named)
    if (overlay.type === "prompt") return promptInput(overlay, input, named, key.ctrl)
    if (overlay.type === "confirm-undo") {
      dispatch({ type: "overlay", overlay: { type: "none" } })
      if (input === "y") undo()
      else message("Nothing was undone.")
      return
    }
    const command = commandFor(state.view, input, named)
    if (command !== undefined) run(command)
  }

  // Keys are handled one per frame: several keys can arrive in one read (typed fast, or sent by a
  // script), and each must see what the one before it did, which React shows only on the next render.
  const keys = useRef<Array<{ readonly input: string; readonly key: Key }>>([])
  const [, setPressed] = useState(0)
  useInput((input, key) => {
    keys.current.push(...splitKeys(input, key))
    setPressed((count) => count + 1)
  })
  useEffect(() => {
    const next = keys.current.shift()
    if (next === undefined) return
    handleKey(next.input, next.key)
    if (keys.current.length > 0) setPressed((count) => count + 1)
  })

  // ---------------------------------------------------------------- drawing
  const status = (
    <Text wrap="truncate-end">
      <Text bold>{opened?.caseName ?? "Allegiance"}</Text>
      {"  as of "}
      <Text bold {...(colour ? { color: "cyan" } : {})}>
        {writtenDay(state.asOf)}
      </Text>
      {opened === undefined ? "" : `  rev ${opened.revision.number}`}
      {caseFile !== undefined &&
      (evaluating !== undefined ||
        shown === undefined ||
        shown.view.asOf !== state.asOf ||
        shown.revision !== opened?.revision.number) ? (
        <Text {...(colour ? { color: "yellow" } : {})}>{"  ◌ evaluating…"}</Text>
      ) : (
        ""
      )}
      {busy === undefined ? "" : `  ${busy}`}
    </Text>
  )
  const tabLine = (
    <Text wrap="truncate-end">
      {tabs.map((tab) => {
        const current = state.view === tab.view
        const title = width < 90 && tab.view === "relationships" ? "Relations" : viewTitles[tab.view]
        return (
          <Text
            key={tab.view}
            inverse={current}
            bold={current || (state.view === "detail" && state.from === tab.view)}
          >
            {` ${tab.key} ${title} `}
          </Text>
        )
      })}
      {state.view === "detail" ? (
        <Text inverse bold>
          {" Detail "}
        </Text>
      ) : (
        ""
      )}
    </Text>
  )
  const filterWords = [
    state.filter.actor === undefined ? "" : `actor ${labels?.of(state.filter.actor) ?? state.filter.actor}`,
    state.filter.channel === undefined
      ? ""
      : `channel ${labels?.of(state.filter.channel) ?? state.filter.channel}`,
    state.filter.status === undefined ? "" : `status ${state.filter.status}`,
    (state.filter.text ?? "") === "" ? "" : `words "${state.filter.text}"`
  ].filter((part) => part !== "")
  const footerText = (() => {
    const overlay = state.overlay
    if (overlay.type === "prompt") {
      const asks = { "as-of": "As of", search: "Search", words: "Keep rows with" }
      const reading =
        overlay.prompt === "as-of"
          ? overlay.text.trim() === ""
            ? "  (2015-01-09, 9 January 2015, 18 Rabi' al-Awwal 1436)"
            : Result.match(readAsOfDay(overlay.text), {
                onSuccess: (read) => ` → ${read.reading}`,
                onFailure: () => ""
              })
          : ""
      return `${asks[overlay.prompt]}: ${overlay.text}▏${reading}${overlay.problem === undefined ? "" : `  ✘ ${overlay.problem}`}`
    }
    if (overlay.type === "confirm-undo")
      return `Undo revision ${opened?.revision.number} (${opened?.revision.author}: ${opened?.revision.reason})? y: undo, any other key: keep it`
    if (state.message !== undefined) return state.message.text
    if (state.form !== undefined)
      return "Ctrl-S save  Esc close  ↑ ↓ fields  Enter pick or add  ? keys of the form"
    if (state.view === "timeline")
      return `${length} of ${timeline?.length ?? 0} rows${filterWords.length === 0 ? "" : ` · ${filterWords.join(", ")} (x clears)`} · * changed at this step · ? help`
    return width >= 92
      ? "? keys  q quit  as of: [ ] day  { } week  ( ) month  < > event  g date  s c o add  u undo"
      : "? keys  q quit  as of: [ ] { } ( ) < > g  add: s c o  u undo"
  })()
  const footerTone =
    state.message?.tone === "bad" ? "red" : state.message?.tone === "good" ? "green" : undefined

  let body: ReactNode
  if (failure !== undefined)
    body = (
      <Text wrap="wrap" {...(colour ? { color: "red" } : {})}>
        {failure} Press q to leave.
      </Text>
    )
  else if (caseFile === undefined) body = <Text wrap="truncate-middle">Opening {access.location}…</Text>
  else if (state.overlay.type === "help") {
    const first = Math.max(0, Math.min(state.overlay.line, helpLines.length - (bodyHeight - 1)))
    body = (
      <Box flexDirection="column">
        <Text bold wrap="truncate-end">
          Keys of {state.form !== undefined ? "the form" : viewTitles[state.view]}
          <Text dimColor>
            {helpLines.length > bodyHeight - 1
              ? "  (↑ ↓ for more; any other key closes this)"
              : "  (any key closes this)"}
          </Text>
        </Text>
        <LinesWindow
          lines={helpLines.slice(first, first + bodyHeight - 1)}
          from={first}
          selected={undefined}
          height={bodyHeight - 1}
        />
      </Box>
    )
  } else if (state.form !== undefined && context !== undefined) {
    const row = rowsOfForm[state.form.field]
    const options =
      state.form.picker !== undefined && row?.type === "field" && row.field.input.type === "pick"
        ? pickOptions(context, row.field.input.of, row.value)
        : []
    body = (
      <FormView
        session={state.form}
        rows={rowsOfForm}
        context={context}
        options={options}
        width={width}
        height={bodyHeight}
      />
    )
  } else {
    const currentRow =
      state.view === "timeline" && timeline !== undefined && length > 0
        ? timeline.row(places === undefined ? selected : places[Math.min(selected, length - 1)]!, verdicts)
        : undefined
    body = (
      <Box flexDirection="column">
        <LinesWindow
          lines={windowLines}
          from={from}
          selected={length === 0 ? undefined : selected}
          height={listHeight}
        />
        {state.view === "timeline"
          ? timelinePreview(currentRow, width - 2).map((entry, at) => <LineText key={at} line={entry} />)
          : null}
      </Box>
    )
  }

  return (
    <ColourContext.Provider value={colour}>
      <Box flexDirection="column" width={width} height={rows}>
        {status}
        {tabLine}
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          {body}
        </Box>
        <Text
          wrap="truncate-end"
          {...(colour && footerTone !== undefined ? { color: footerTone } : {})}
          dimColor={footerTone === undefined}
        >
          {footerText}
        </Text>
      </Box>
    </ColourContext.Provider>
  )
}

export type { ViewName }
