/**
 * The OpenAPI 3.1 document rendered from the table of operations (`../openapi.ts`): each operation's
 * Schemas (the same ones the routes validate with) as JSON Schema, its parameters, its problems.
 */
import { ProblemBody, sections } from "@allegiance/service"
import { JsonSchema, Schema, SchemaRepresentation } from "effect"
import type { Operation } from "./operation.ts"

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

/** The document of `operations`. */
export const renderDocument = (operations: ReadonlyArray<Operation>): object => {
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
  return {
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
}
