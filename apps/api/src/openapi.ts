/**
 * The OpenAPI 3.1 document: the table of the app's operations, one file per resource group under
 * `openapi/`, rendered from the Schemas in `contract.ts` (the same ones the routes validate with). A
 * test holds this table and the app's routes to each other, both ways.
 */
import { sections } from "@allegiance/service"
import { caseOperations } from "./openapi/case-operations.ts"
import { renderDocument } from "./openapi/document.ts"
import { itemOperations } from "./openapi/item-operations.ts"
import type { Operation } from "./openapi/operation.ts"
import { outlineOperations } from "./openapi/outline-operations.ts"
import { serviceOperations } from "./openapi/service-operations.ts"
import { viewOperations } from "./openapi/view-operations.ts"

export type { Operation } from "./openapi/operation.ts"

export const operations: ReadonlyArray<Operation> = [
  ...serviceOperations,
  ...caseOperations,
  ...sections.flatMap(itemOperations),
  ...viewOperations,
  ...outlineOperations
]

let document: object | undefined

/** The document, worked out once. */
export const openApiDocument = (): object => {
  document ??= renderDocument(operations)
  return document
}
