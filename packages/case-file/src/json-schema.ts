import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { modelOf } from "@allegiance/domain/model/case-model"
import { Schema } from "effect"

/**
 * The JSON Schema of a case file as written (dates as text or objects, ids as slugs), generated from
 * the model's Schemas so that it cannot drift from what the reader accepts. Editors use it for
 * completion and for catching typos as one writes. `kinds` are the kinds of claim the file may hold:
 * the built-in ones unless given.
 */
export const caseFileJsonSchema = (
  options: { readonly kinds?: ReadonlyArray<ClaimKind> | undefined } = {}
): string => {
  const document = Schema.toJsonSchemaDocument(Schema.toEncoded(modelOf(options.kinds).CaseFile))
  return `${JSON.stringify(
    {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Allegiance case file",
      ...document.schema,
      ...(Object.keys(document.definitions).length === 0 ? {} : { $defs: document.definitions })
    },
    null,
    2
  )}\n`
}
