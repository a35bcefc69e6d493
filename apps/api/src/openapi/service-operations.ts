/** The operations of the server itself: its health, the document, the reference page, the date check. */
import { Schema } from "effect"
import * as C from "../contract.ts"
import type { Operation } from "./operation.ts"

export const serviceOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/health",
    summary: "Whether the server is up",
    scope: "public",
    response: Schema.Struct({ ok: Schema.Boolean }),
    tag: "service"
  },
  {
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    scope: "public",
    response: "application/json",
    tag: "service"
  },
  {
    method: "get",
    path: "/docs",
    summary: "The API reference page",
    scope: "public",
    response: "text/html",
    tag: "service"
  },
  {
    method: "get",
    path: "/docs/scalar.js",
    summary: "The reference page's script",
    scope: "public",
    response: "text/javascript",
    tag: "service"
  },
  {
    method: "get",
    path: "/date-check",
    summary: "Check a Hijri date against the Gregorian date printed beside it",
    scope: "read",
    query: C.DateCheckQuery,
    response: C.DateCheck,
    tag: "service"
  }
]
