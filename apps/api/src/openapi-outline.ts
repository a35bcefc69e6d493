/** The OpenAPI operations of the routes a client that draws a case's lists reads (`routes/outline.ts`). */
import { AsOfViewsRead, CaseOutlineRead } from "./contract-outline.ts"
import type { Operation } from "./openapi.ts"

export const outlineOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/cases/{case}/outline",
    summary: "What a UI's lists and pickers show of the case: its items' names, the timeline in date order",
    scope: "read",
    query: [["revision", "Read the case as it was at this revision (default: its head)."]],
    response: CaseOutlineRead,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/views",
    summary:
      "A day's views against the outline: key judgments, actors, relationships, matrices, each row's verdict",
    scope: "read",
    query: [
      ["revision", "The revision of the outline the views go with (default: the head)."],
      ["asOf", "Judge with what was known by this day, YYYY-MM-DD (default: today)."],
      ["since", "Say what changed since this day, YYYY-MM-DD."]
    ],
    response: AsOfViewsRead,
    tag: "views"
  }
]
