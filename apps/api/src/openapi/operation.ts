/** One operation of the OpenAPI document: what the table in `../openapi.ts` lists and a test holds to the app's routes. */
import type { Schema } from "effect"

export type Method = "get" | "post" | "put" | "delete"

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
