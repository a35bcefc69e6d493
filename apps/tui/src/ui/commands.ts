/**
 * What each command of the key table does: moves through the lists and the as-of day, opens detail,
 * prompts and forms, narrows the timeline, asks before an undo. Navigation goes to the UI's state; the
 * case's items a form starts from are read through the access.
 */
import {
  formContextOf,
  formOfBody,
  formSession,
  newForm,
  outlineLookup,
  stepAsOf,
  toggleActorFilter,
  toggleChannelFilter,
  withNextStatus
} from "@allegiance/present"
import type { ItemBody } from "../access/case-access.ts"
import { type KeyContext, say } from "./key-context.ts"
import type { Command } from "./key-bindings.ts"
import { problemText } from "./problem-text.ts"

const kindOfSection = { statements: "statement", claims: "claim", observations: "observation" } as const

/** The statement, claim or observation selected (the one shown, in Detail), by section and id. */
const selectedItem = (context: KeyContext): Omit<ItemBody, "body"> | undefined => {
  const { state, list, outline } = context
  if (outline === undefined) return undefined
  const id = state.view === "detail" ? state.trail.at(-1)?.id : list.targetAt(list.selected)
  if (id === undefined) return undefined
  const section = outlineLookup(outline).sectionOf(id)
  return section === "statements" || section === "claims" || section === "observations"
    ? { section, id }
    : undefined
}

const openForm = (context: KeyContext, form: Parameters<typeof formSession>[0]) =>
  context.dispatch({ type: "form", form: formSession(form) })

export const runCommand = (context: KeyContext, command: Command) => {
  const { state, dispatch, session, list, outline } = context
  const timeline = list.timeline
  if (outline === undefined || timeline === undefined || session.outlined === undefined) {
    if (command.type === "quit") context.exit()
    return
  }
  const last = Math.max(0, list.length - 1)
  switch (command.type) {
    case "show":
      return dispatch({ type: "show", view: command.view })
    case "move":
      return dispatch({ type: "select", line: Math.min(last, list.selected + command.by) })
    case "page":
      return dispatch({
        type: "select",
        line: Math.min(last, Math.max(0, list.selected + command.by * list.height))
      })
    case "edge":
      return dispatch({ type: "select", line: command.to === "first" ? 0 : last })
    case "open": {
      const id = list.targetAt(list.selected)
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
        return say(context, `No event ${command.direction === 1 ? "after" : "before"} this day.`)
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
      if (found.length === 0) return say(context, "No search hits: / searches.")
      const next =
        command.direction === 1
          ? (found.find((at) => at > list.selected) ?? found[0]!)
          : (found.findLast((at) => at < list.selected) ?? found.at(-1)!)
      return dispatch({ type: "select", line: next })
    }
    case "filter": {
      if (command.by === "clear") return dispatch({ type: "filter", filter: {} })
      if (command.by === "status") return dispatch({ type: "filter", filter: withNextStatus(state.filter) })
      const id = list.targetAt(list.selected)
      if (id === undefined) return
      const row = timeline.row(timeline.placeOf(id)!, undefined)
      if (command.by === "actor")
        return dispatch({ type: "filter", filter: toggleActorFilter(state.filter, row) })
      const filter = toggleChannelFilter(state.filter, row)
      if (filter === undefined) return say(context, "This row has no channel.")
      return dispatch({ type: "filter", filter })
    }
    case "question":
      return dispatch({
        type: "question",
        question: Math.max(
          0,
          Math.min(
            (session.rows?.kind === "hypotheses" ? session.rows.rows.length : 1) - 1,
            state.question + command.direction
          )
        )
      })
    case "new": {
      const around = selectedItem(context)
      const prefill: Record<string, string> = {}
      if (command.kind === "claim" && around?.section === "statements") {
        // A claim made by the selected statement, about whom it was issued for.
        const place = timeline.placeOf(around.id)
        prefill["madeBy.statement"] = around.id
        if (place !== undefined) prefill.scope = timeline.row(place, undefined).actor.id
      }
      return openForm(context, newForm(command.kind, formContextOf(outline), prefill))
    }
    case "edit": {
      const item = selectedItem(context)
      if (item === undefined) return say(context, "Select a statement, claim or observation to edit it.")
      void context.access.items([item]).then((outcome) => {
        if (!outcome.ok) return say(context, problemText(outcome.problem), "bad")
        const found = outcome.value[0]
        if (found === undefined)
          return say(context, `The case no longer holds ${item.id}: R loads it again.`, "bad")
        openForm(context, formOfBody(kindOfSection[item.section], found.body))
      })
      return
    }
    case "undo":
      if (session.outlined.revision.number <= 1)
        return say(context, "There is no revision to undo: this is the case as first saved.")
      return dispatch({ type: "overlay", overlay: { type: "confirm-undo" } })
    case "reload":
      return session.reload()
    case "help":
      return dispatch({ type: "overlay", overlay: { type: "help", line: 0 } })
    case "quit":
      return context.exit()
  }
}
