/** The operations that read what the reasoning says of a case as of a day: verdicts, views, the brief, the event stream. */
import * as C from "../contract.ts"
import type { Operation } from "./operation.ts"

export const viewOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/cases/{case}/hypotheses",
    summary: "Every hypothesis of every question",
    scope: "read",
    query: C.RevisionQuery,
    response: C.HypothesisList,
    tag: "questions"
  },
  {
    method: "get",
    path: "/cases/{case}/matrices",
    summary: "Every question's hypotheses matrix as of a day",
    scope: "read",
    query: C.AtQuery,
    response: C.HypothesesMatrices,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/questions/{id}/matrix",
    summary: "A question's hypotheses matrix (Analysis of Competing Hypotheses)",
    scope: "read",
    query: C.AtQuery,
    response: C.HypothesesMatrix,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/verdicts",
    summary: "Verdicts, a page at a time",
    scope: "read",
    query: C.VerdictListQuery,
    response: C.VerdictPage,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/verdicts/{id}",
    summary: "One item's verdict, with its explanation and confidence",
    scope: "read",
    query: C.AtQuery,
    response: C.VerdictRead,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/verdicts/{id}/history",
    summary: "When one item's verdict changed, up to the as-of day, and why",
    scope: "read",
    query: C.AtQuery,
    response: C.VerdictHistory,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/detail/{id}",
    summary: "Everything a detail pane shows of one item",
    scope: "read",
    query: C.AtQuery,
    response: C.ItemDetail,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/timeline",
    summary: "Statements and observations in date order, with verdicts",
    scope: "read",
    query: C.TimelineQuery,
    response: C.Timeline,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/key-judgments",
    summary: "What to read first: ranked answers, what is contested",
    scope: "read",
    query: C.AtQuery,
    response: C.KeyJudgments,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/relationship-rows",
    summary: "Relationships worked out from the verdicts",
    scope: "read",
    query: C.AtQuery,
    response: C.RelationshipRows,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/lifecycles",
    summary: "The actor tree with each actor's lifecycle and relationships",
    scope: "read",
    query: C.AtQuery,
    response: C.ActorRows,
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/brief",
    summary: "The case's brief as markdown, as `allegiance brief` writes it (of one question with question)",
    scope: "read",
    query: C.BriefQuery,
    response: "text/markdown",
    tag: "views"
  },
  {
    method: "get",
    path: "/cases/{case}/events",
    summary: "Server-Sent Events: which verdicts each write changed (resumable with Last-Event-ID)",
    scope: "read",
    query: C.EventsQuery,
    response: "text/event-stream",
    tag: "views"
  }
]
