/** The operations on cases as wholes: list, create, read, replace their own section, export; their revisions. */
import { Schema } from "effect"
import * as C from "../contract.ts"
import type { Operation } from "./operation.ts"

export const caseOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/cases",
    summary: "List the cases in the store",
    scope: "read",
    response: C.CaseListing,
    tag: "cases"
  },
  {
    method: "post",
    path: "/cases",
    summary: "Create a case from a case file (admin)",
    scope: "admin",
    body: C.NewCase,
    response: Schema.Struct({ name: Schema.String, ...C.WriteResult.fields }),
    status: 201,
    tag: "cases"
  },
  {
    method: "get",
    path: "/cases/{case}",
    summary: "A case: its own section, head revision and item counts",
    scope: "read",
    query: C.RevisionQuery,
    response: C.CaseOverview,
    tag: "cases"
  },
  {
    method: "put",
    path: "/cases/{case}",
    summary: "Replace the case's own section (title, summary, document)",
    scope: "write",
    body: C.CaseInfoWrite,
    response: C.WriteResult,
    tag: "cases"
  },
  {
    method: "get",
    path: "/cases/{case}/export",
    summary: "The case as a canonical YAML case file",
    scope: "read",
    query: C.RevisionQuery,
    response: "application/yaml",
    tag: "cases"
  },
  {
    method: "get",
    path: "/cases/{case}/revisions",
    summary: "The case's revisions: who, when, why, how much",
    scope: "read",
    response: C.RevisionList,
    tag: "revisions"
  },
  {
    method: "get",
    path: "/cases/{case}/revisions/{revision}",
    summary: "What one revision changed",
    scope: "read",
    response: C.RevisionChanges,
    tag: "revisions"
  },
  {
    method: "post",
    path: "/cases/{case}/revisions/{revision}/undo",
    summary: "Undo a revision (a new revision that puts back what it changed)",
    scope: "write",
    body: C.ReasonBody,
    response: C.WriteResult,
    status: 201,
    tag: "revisions"
  }
]
