/** The OpenAPI operations of the routes a client that draws a case's lists reads (`routes/outline.ts`). */
import { RevisionQuery, ViewsQuery } from "../contract.ts"
import { AsOfViewsRead, CaseOutlineRead } from "../contract-outline.ts"
import type { Operation } from "./operation.ts"

export const outlineOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/cases/{case}/outline",
    summary: "What a UI's lists and pickers show of the case: its items' names, the timeline in date order",
    scope: "read",
    query: RevisionQuery,
    response: CaseOutlineRead,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/views",
    summary:
      "A day's views against the outline: key judgments and each row's verdict (the rest: lifecycles, relationship-rows, matrices)",
    scope: "read",
    query: ViewsQuery,
    response: AsOfViewsRead,
    tag: "views"
  }
]
