/**
 * Item bodies read back from the store into the case model. A stored body was held to the model when it
 * was written, but what is read is held to it again: a store can be written by an older Allegiance, or
 * damaged. Bodies are decoded by the decoders compiled from the model's Schemas (`@allegiance/case-file`),
 * which build exactly what `Schema.decodeUnknown` builds and check every value as they go (days that
 * exist, whole numbers, identifiers, the kinds the model knows), at a fraction of Schema's cost; a body
 * that fails is put to Schema alone to say why, in the analyst's words.
 *
 * The kinds of item and their Schemas are read off the model's `CaseFile` (its `case` section and each
 * section's items), so a field, a section or a claim kind added to the model needs no change here.
 */
import { caseFileFields, fieldExplainer, modelTransformations } from "@allegiance/case-file/case-content"
import { compiledDecoder, type Decoder, invalid } from "@allegiance/case-file/compiled-decoder"
import { formatPath } from "@allegiance/domain/case/case-problem"
import {
  type CaseFile,
  type CaseInfo,
  type CaseModel,
  caseFileOfCheckedParts,
  itemSections
} from "@allegiance/domain/model/index"

/** As decoding a stored body has always been: fields the model does not know are left out, not refused. */
const storedOptions = { strict: false, transformations: modelTransformations } as const

export interface StoredItemReader {
  /** The body decoded, or `invalid`. */
  readonly decode: Decoder
  /** What is wrong with a body that does not decode, each problem with its field. */
  readonly problems: (body: unknown) => ReadonlyArray<string>
}

const readersByModel = new WeakMap<CaseModel, ReadonlyMap<string, StoredItemReader>>()

/** Readers of the store's kinds of item for a case of the model: its own section under "case", and each section's items. */
export const storedItemReaders = (model: CaseModel): ReadonlyMap<string, StoredItemReader> => {
  let readers = readersByModel.get(model)
  if (readers === undefined) {
    readers = new Map(
      caseFileFields(model).map((field) => {
        const explain = fieldExplainer(field, false)
        const reader: StoredItemReader = {
          decode: compiledDecoder(field.schema, storedOptions),
          problems: (body) =>
            explain(body, []).map((problem) => {
              const path = formatPath(problem.path)
              return path === "" ? problem.message : `${path}: ${problem.message}`
            })
        }
        return [field.name, reader] as const
      })
    )
    readersByModel.set(model, readers)
  }
  return readers
}

/** A case file of values read above (or decoded otherwise), made as the class's trusted path makes it. */
export const caseFileOfItems = (
  info: CaseInfo,
  sections: ReadonlyMap<string, ReadonlyArray<unknown>>
): CaseFile => {
  const parts: Record<string, unknown> = { case: info }
  for (const key of itemSections) parts[key] = sections.get(key) ?? []
  return caseFileOfCheckedParts(parts as Parameters<typeof caseFileOfCheckedParts>[0])
}

export { invalid }
