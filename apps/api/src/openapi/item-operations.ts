/** The five operations of every section of a case (actors, channels, ... questions): list, add, read, replace, remove. */
import type { Section } from "@allegiance/service"
import * as C from "../contract.ts"
import type { Operation } from "./operation.ts"

const noun: Record<Section, string> = {
  actors: "actor",
  channels: "channel",
  sources: "source",
  statements: "statement",
  claims: "claim",
  observations: "observation",
  relationships: "declared relationship",
  questions: "question"
}

export const itemOperations = (section: Section): ReadonlyArray<Operation> => [
  {
    method: "get",
    path: `/cases/{case}/${section}`,
    summary: `List the case's ${section}, filtered, a page at a time`,
    scope: "read",
    query: C.ItemListQuery,
    response: C.itemPage(section),
    tag: section
  },
  {
    method: "post",
    path: `/cases/{case}/${section}`,
    summary: `Add a ${noun[section]} (one revision)`,
    scope: "write",
    body: C.itemWrite(section),
    response: C.WriteResult,
    status: 201,
    tag: section
  },
  {
    method: "get",
    path: `/cases/{case}/${section}/{id}`,
    summary: `Read one ${noun[section]}`,
    scope: "read",
    query: C.RevisionQuery,
    response: C.itemRead(section),
    tag: section
  },
  {
    method: "put",
    path: `/cases/{case}/${section}/{id}`,
    summary: `Replace a ${noun[section]} (one revision)`,
    scope: "write",
    body: C.itemWrite(section),
    response: C.WriteResult,
    tag: section
  },
  {
    method: "delete",
    path: `/cases/{case}/${section}/{id}`,
    summary: `Remove a ${noun[section]} (one revision)`,
    scope: "write",
    body: C.ReasonBody,
    response: C.WriteResult,
    tag: section
  }
]
