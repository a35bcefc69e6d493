/**
 * Every key of the UI, view by view: the one table both the key handling and the help overlay (`?`)
 * read, so that help always says what the keys do.
 */
import { tabs, type ViewName, viewTitles } from "./view-names.ts"

export type Command =
  | { readonly type: "show"; readonly view: ViewName }
  | { readonly type: "move"; readonly by: number }
  | { readonly type: "page"; readonly by: 1 | -1 }
  | { readonly type: "edge"; readonly to: "first" | "last" }
  | { readonly type: "open" }
  | { readonly type: "back" }
  | { readonly type: "as-of"; readonly step: "day" | "week" | "month"; readonly direction: 1 | -1 }
  | { readonly type: "event"; readonly direction: 1 | -1 }
  | { readonly type: "ask"; readonly prompt: "as-of" | "search" | "words" }
  | { readonly type: "hit"; readonly direction: 1 | -1 }
  | { readonly type: "filter"; readonly by: "actor" | "channel" | "status" | "clear" }
  | { readonly type: "question"; readonly direction: 1 | -1 }
  | { readonly type: "new"; readonly kind: "statement" | "claim" | "observation" }
  | { readonly type: "edit" }
  | { readonly type: "undo" }
  | { readonly type: "reload" }
  | { readonly type: "help" }
  | { readonly type: "quit" }

export interface KeyBinding {
  /** The key as help shows it. */
  readonly keys: string
  /** What the key does, in help's words. */
  readonly does: string
  /** Where it works; everywhere when left out. */
  readonly views?: ReadonlyArray<ViewName>
  /** The keys it answers to: typed characters, or named keys (`up`, `return`, `escape`...). */
  readonly match: ReadonlyArray<string>
  readonly command: Command
}

const lists: ReadonlyArray<ViewName> = [
  "overview",
  "actors",
  "timeline",
  "detail",
  "relationships",
  "hypotheses",
  "history"
]

export const keyBindings: ReadonlyArray<KeyBinding> = [
  ...tabs.map(
    (tab): KeyBinding => ({
      keys: tab.key,
      does: `show ${viewTitles[tab.view]}`,
      match: [tab.key],
      command: { type: "show", view: tab.view }
    })
  ),
  {
    keys: "↑ ↓ / k j",
    does: "move up and down",
    views: lists,
    match: ["up", "k"],
    command: { type: "move", by: -1 }
  },
  { keys: "", does: "", views: lists, match: ["down", "j"], command: { type: "move", by: 1 } },
  {
    keys: "PgUp PgDn",
    does: "a page up or down",
    views: lists,
    match: ["pageUp"],
    command: { type: "page", by: -1 }
  },
  { keys: "", does: "", views: lists, match: ["pageDown", " "], command: { type: "page", by: 1 } },
  {
    keys: "Home End",
    does: "first or last line",
    views: lists,
    match: ["home"],
    command: { type: "edge", to: "first" }
  },
  { keys: "", does: "", views: lists, match: ["end"], command: { type: "edge", to: "last" } },
  {
    keys: "Enter",
    does: "open the selected item's detail",
    views: ["overview", "actors", "timeline", "relationships", "hypotheses"],
    match: ["return"],
    command: { type: "open" }
  },
  {
    keys: "Enter",
    does: "follow the selected link",
    views: ["detail"],
    match: ["return"],
    command: { type: "open" }
  },
  {
    keys: "Esc / Backspace",
    does: "back to where the link was followed from",
    views: ["detail"],
    match: ["escape", "backspace"],
    command: { type: "back" }
  },
  {
    keys: "] [",
    does: "as-of day: a day later / earlier",
    match: ["]"],
    command: { type: "as-of", step: "day", direction: 1 }
  },
  { keys: "", does: "", match: ["["], command: { type: "as-of", step: "day", direction: -1 } },
  {
    keys: "} {",
    does: "as-of day: a week later / earlier",
    match: ["}"],
    command: { type: "as-of", step: "week", direction: 1 }
  },
  { keys: "", does: "", match: ["{"], command: { type: "as-of", step: "week", direction: -1 } },
  {
    keys: ") (",
    does: "as-of day: a month later / earlier",
    match: [")"],
    command: { type: "as-of", step: "month", direction: 1 }
  },
  { keys: "", does: "", match: ["("], command: { type: "as-of", step: "month", direction: -1 } },
  {
    keys: "> <",
    does: "as-of day: next / previous event",
    match: [">"],
    command: { type: "event", direction: 1 }
  },
  { keys: "", does: "", match: ["<"], command: { type: "event", direction: -1 } },
  {
    keys: "g",
    does: "as-of day: type a date (2015-01-09, 9 January 2015, 18 Rabi' al-Awwal 1436)",
    match: ["g"],
    command: { type: "ask", prompt: "as-of" }
  },
  {
    keys: "/",
    does: "search the timeline",
    views: ["timeline"],
    match: ["/"],
    command: { type: "ask", prompt: "search" }
  },
  {
    keys: "n N",
    does: "next / previous search hit",
    views: ["timeline"],
    match: ["n"],
    command: { type: "hit", direction: 1 }
  },
  { keys: "", does: "", views: ["timeline"], match: ["N"], command: { type: "hit", direction: -1 } },
  {
    keys: "F",
    does: "keep only rows with these words",
    views: ["timeline"],
    match: ["F"],
    command: { type: "ask", prompt: "words" }
  },
  {
    keys: "A",
    does: "keep only the selected row's actor (again: all actors)",
    views: ["timeline"],
    match: ["A"],
    command: { type: "filter", by: "actor" }
  },
  {
    keys: "C",
    does: "keep only the selected row's channel (again: all channels)",
    views: ["timeline"],
    match: ["C"],
    command: { type: "filter", by: "channel" }
  },
  {
    keys: "S",
    does: "keep only one status (each press: the next status, then all)",
    views: ["timeline"],
    match: ["S"],
    command: { type: "filter", by: "status" }
  },
  {
    keys: "x",
    does: "clear every filter",
    views: ["timeline"],
    match: ["x"],
    command: { type: "filter", by: "clear" }
  },
  {
    keys: "← →",
    does: "previous / next question",
    views: ["hypotheses"],
    match: ["left"],
    command: { type: "question", direction: -1 }
  },
  {
    keys: "",
    does: "",
    views: ["hypotheses"],
    match: ["right"],
    command: { type: "question", direction: 1 }
  },
  { keys: "s", does: "add a statement", match: ["s"], command: { type: "new", kind: "statement" } },
  { keys: "c", does: "add a claim", match: ["c"], command: { type: "new", kind: "claim" } },
  { keys: "o", does: "add an observation", match: ["o"], command: { type: "new", kind: "observation" } },
  {
    keys: "e",
    does: "edit the selected statement, claim or observation",
    views: ["timeline", "detail"],
    match: ["e"],
    command: { type: "edit" }
  },
  { keys: "u", does: "undo the latest revision (asks first)", match: ["u"], command: { type: "undo" } },
  {
    keys: "R",
    does: "load the case again (after another writer saved)",
    match: ["R"],
    command: { type: "reload" }
  },
  {
    keys: "?",
    does: "this help (↑ ↓ scroll it; any other key closes it)",
    match: ["?"],
    command: { type: "help" }
  },
  { keys: "q / Ctrl-C", does: "quit", match: ["q"], command: { type: "quit" } }
]

/** The keys of a form, for its help. */
export const formKeys: ReadonlyArray<{ readonly keys: string; readonly does: string }> = [
  { keys: "↑ ↓ / Tab", does: "previous / next field" },
  { keys: "Home End PgUp PgDn", does: "first / last field, ten fields up / down" },
  { keys: "typing, Backspace", does: "edit the field (a date as printed; its reading shows beside it)" },
  { keys: "← →", does: "on a choice: the previous / next option" },
  { keys: "Enter", does: "on a picker: choose from the case's items; on 'add': add an entry" },
  { keys: "Ctrl-D", does: "remove this entry of a list" },
  { keys: "Ctrl-S", does: "save (asks for a reason; one revision in the store)" },
  { keys: "Ctrl-R", does: "load the case again (after a conflict), keeping the form" },
  { keys: "Esc", does: "close the form (asks first; nothing is saved)" },
  { keys: "?", does: "these keys" }
]

/** The command a key gives in a view, if any. */
export const commandFor = (view: ViewName, input: string, named: string | undefined): Command | undefined => {
  const pressed = named ?? input
  for (const binding of keyBindings)
    if ((binding.views === undefined || binding.views.includes(view)) && binding.match.includes(pressed))
      return binding.command
  return undefined
}

/** The help of a view: every key that works there, merged with the line after it when that continues it. */
export const helpFor = (view: ViewName): ReadonlyArray<{ readonly keys: string; readonly does: string }> => [
  {
    keys: tabs.map((tab) => tab.key).join(" "),
    does: `show ${tabs.map((tab) => viewTitles[tab.view]).join(", ")}`
  },
  ...keyBindings
    .filter(
      (binding) =>
        binding.keys !== "" &&
        binding.command.type !== "show" &&
        (binding.views === undefined || binding.views.includes(view))
    )
    .map((binding) => ({ keys: binding.keys, does: binding.does }))
]
