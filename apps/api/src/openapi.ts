/**
 * The OpenAPI 3.1 document, generated from the Schemas in `contract.ts` (the same ones the routes
 * validate with) and a table of the operations. A test holds this table and the app's routes to
 * each other, both ways.
 */
import { ProblemBody, type Section, sections } from "@allegiance/service"
import { JsonSchema, Schema, SchemaRepresentation } from "effect"
import * as C from "./contract.ts"
import { outlineOperations } from "./openapi-outline.ts"

type Method = "get" | "post" | "put" | "delete"

export interface Operation {
  readonly method: Method
  /** As OpenAPI writes it: `/cases/{case}/statements/{id}`. */
  readonly path: string
  readonly summary: string
  readonly scope: "public" | "read" | "write" | "admin"
  /** Its query parameters: the Schema the route validates them with. */
  readonly query?: Schema.Top
  readonly body?: Schema.Top
  /** The success response: a Schema for JSON, or a media type for other content. */
  readonly response: Schema.Top | string
  readonly status?: number
  readonly tag: string
}

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

const itemOperations = (section: Section): ReadonlyArray<Operation> => [
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

export const operations: ReadonlyArray<Operation> = [
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
  },
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
  },
  ...sections.flatMap(itemOperations),
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
    path: "/cases/{case}/events",
    summary: "Server-Sent Events: which verdicts each write changed (resumable with Last-Event-ID)",
    scope: "read",
    query: C.EventsQuery,
    response: "text/event-stream",
    tag: "views"
  },
  ...outlineOperations
]

const problemStatuses: Record<Operation["scope"], ReadonlyArray<number>> = {
  public: [],
  read: [401, 403, 404, 406, 422, 429],
  write: [401, 403, 404, 409, 412, 413, 415, 422, 429],
  admin: [401, 403, 409, 413, 415, 422, 429]
}

const describeStatus: Record<number, string> = {
  304: "Not modified: the ETag sent in If-None-Match is still current.",
  401: "No token, or one that is not known (see WWW-Authenticate).",
  403: "The token's scope or cases do not allow this.",
  404: "No such case, item or revision.",
  406: "The Accept header does not take what this gives.",
  409: "It exists already.",
  412: "The case changed since the revision in If-Match; the problem names who saved the newer one.",
  413: "The body is too large.",
  415: "The body is not application/json.",
  422: "Invalid input; `errors` points at each invalid field.",
  429: "Too many requests for this token; see Retry-After."
}

const tagOrder = ["cases", "views", "revisions", ...sections, "service"]
const tagDescriptions: Record<string, string> = {
  cases: "The cases in the store: list them, create one from a case file, read and export one.",
  views:
    "What the reasoning says of a case as of a day: verdicts with their explanations, the timeline, key judgments, relationships, lifecycles, the hypotheses matrix, and the event stream of verdict changes.",
  revisions: "Every write is a revision, with its author and reason; read what one changed, or undo it.",
  service:
    "The server itself: its health, this document and the reference page, and a date check that needs no case."
}

let document: object | undefined

/** The document, worked out once. */
export const openApiDocument = (): object => {
  if (document !== undefined) return document
  const schemas: Array<Schema.Top> = [ProblemBody]
  const indexOf = (schema: Schema.Top) => {
    const at = schemas.indexOf(schema)
    if (at >= 0) return at
    schemas.push(schema)
    return schemas.length - 1
  }
  const planned = operations.map((operation) => ({
    operation,
    body: operation.body === undefined ? undefined : indexOf(operation.body),
    response: typeof operation.response === "string" ? undefined : indexOf(operation.response),
    query: operation.query === undefined ? undefined : indexOf(operation.query)
  }))
  const multi = SchemaRepresentation.toRepresentations(
    schemas.map((schema) => Schema.toCodecJson(schema).ast) as [never, ...Array<never>]
  )
  const json = JsonSchema.toMultiDocumentOpenApi3_1(SchemaRepresentation.toJsonSchemaMultiDocument(multi))
  const problemRef = json.schemas[0]
  const paths: Record<string, Record<string, unknown>> = {}
  for (const { operation, body, response, query } of planned) {
    const pathParameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: "path",
      required: true,
      schema: { type: "string" }
    }))
    // A query Schema has no identifier of its own, so its JSON Schema is inline: one parameter per property.
    const querySchema = (query === undefined ? {} : json.schemas[query]) as {
      readonly properties?: Record<string, { readonly description?: string }>
      readonly required?: ReadonlyArray<string>
    }
    const queryParameters = Object.entries(querySchema.properties ?? {}).map(([name, schema]) => {
      const { description, ...rest } = schema
      return {
        name,
        in: "query",
        required: querySchema.required?.includes(name) ?? false,
        ...(description === undefined ? {} : { description }),
        schema: rest
      }
    })
    const headerParameters = [
      ...(operation.method === "get" && operation.scope !== "public"
        ? [
            {
              name: "If-None-Match",
              in: "header",
              required: false,
              description: "An ETag from an earlier read.",
              schema: { type: "string" }
            }
          ]
        : []),
      ...(operation.method !== "get" && operation.path !== "/cases"
        ? [
            {
              name: "If-Match",
              in: "header",
              required: false,
              description:
                'The ETag of the revision the write is based on ("r12"); without it, the current head.',
              schema: { type: "string" }
            }
          ]
        : []),
      ...(operation.path.endsWith("/events")
        ? [
            {
              name: "Last-Event-ID",
              in: "header",
              required: false,
              description: "Resume after this event (a revision).",
              schema: { type: "string" }
            }
          ]
        : [])
    ]
    const success = String(operation.status ?? 200)
    const responses: Record<string, unknown> = {
      [success]: {
        description: operation.summary,
        content:
          response === undefined
            ? { [operation.response as string]: {} }
            : { "application/json": { schema: json.schemas[response] } }
      }
    }
    if (operation.method === "get" && operation.scope !== "public")
      responses["304"] = { description: describeStatus[304] }
    for (const status of problemStatuses[operation.scope])
      responses[String(status)] = {
        description: describeStatus[status],
        content: { "application/problem+json": { schema: problemRef } }
      }
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: {
        operationId: `${operation.method}${operation.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase())}`,
        summary: operation.summary,
        tags: [operation.tag],
        ...(operation.scope === "public" ? { security: [] } : {}),
        ...(operation.scope === "public" || operation.scope === "read"
          ? {}
          : { description: `Needs a token with the ${operation.scope} scope.` }),
        parameters: [...pathParameters, ...queryParameters, ...headerParameters],
        ...(body === undefined
          ? {}
          : {
              requestBody: { required: true, content: { "application/json": { schema: json.schemas[body] } } }
            }),
        responses
      }
    }
  }
  document = {
    openapi: "3.1.0",
    info: {
      title: "Allegiance API",
      version: "0.1.0",
      description:
        "Cases of who pledged allegiance to whom, on what evidence, and the verdicts the reasoning gives on them. " +
        "Every write is one revision of the case, with its author (the token's label) and reason. " +
        "Send a token as `Authorization: Bearer alg_…` (made with `allegiance token create`)."
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    // What a reader looks for first comes first: the case, what the reasoning says of it, its items.
    tags: [
      ...tagOrder.filter((name) => operations.some((operation) => operation.tag === name)),
      ...new Set(operations.map((operation) => operation.tag).filter((name) => !tagOrder.includes(name)))
    ].map((name) => ({
      name,
      ...(tagDescriptions[name] === undefined ? {} : { description: tagDescriptions[name] })
    })),
    paths,
    components: {
      schemas: json.definitions,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token from `allegiance token create`." }
      }
    }
  }
  return document
}
