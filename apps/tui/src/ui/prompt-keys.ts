/** The keys of the prompts (an as-of day, a search, words to keep) and of the help overlay. */
import { readAsOfDay, searchHits, withWords } from "@allegiance/present"
import { Result } from "effect"
import { type KeyContext, say } from "./key-context.ts"
import type { UiState } from "./state.ts"

export const promptKey = (
  context: KeyContext,
  overlay: Extract<UiState["overlay"], { type: "prompt" }>,
  input: string,
  named: string | undefined,
  ctrl: boolean
) => {
  const { dispatch, state, list } = context
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
      return say(context, `As of ${read.success.reading}.`)
    }
    if (overlay.prompt === "words") {
      close()
      return dispatch({ type: "filter", filter: withWords(state.filter, overlay.text) })
    }
    close()
    if (list.timeline === undefined) return
    const hits = searchHits(list.timeline, list.places, overlay.text)
    dispatch({ type: "search", words: overlay.text, hits })
    if (hits.length === 0) return say(context, `No row holds "${overlay.text}".`)
    dispatch({ type: "select", line: hits.find((at) => at >= list.selected) ?? hits[0]! })
    return say(
      context,
      `${hits.length} row${hits.length === 1 ? "" : "s"} hold "${overlay.text}": n and N step through them.`
    )
  }
  if (named === undefined && !ctrl && input !== "")
    dispatch({ type: "overlay", overlay: { ...overlay, text: overlay.text + input } })
}

/** Help scrolls with the arrows and pages; any other key closes it. */
export const helpKey = (
  context: KeyContext,
  overlay: Extract<UiState["overlay"], { type: "help" }>,
  named: string | undefined
) => {
  const by =
    named === "up" ? -1 : named === "down" ? 1 : named === "pageUp" ? -10 : named === "pageDown" ? 10 : 0
  if (by === 0) return context.dispatch({ type: "overlay", overlay: { type: "none" } })
  context.dispatch({
    type: "overlay",
    overlay: { type: "help", line: Math.max(0, Math.min(context.helpLength - 1, overlay.line + by)) }
  })
}
