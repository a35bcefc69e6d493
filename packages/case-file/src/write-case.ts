import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import type { CaseFile } from "@allegiance/domain/model/case-file"
import { type CaseModel, modelOf } from "@allegiance/domain/model/case-model"
import { Schema } from "effect"
import { Document } from "yaml"

const encoders = new WeakMap<CaseModel, (caseFile: CaseFile) => unknown>()

const encoderOf = (model: CaseModel) => {
  let encode = encoders.get(model)
  if (encode === undefined) {
    encode = Schema.encodeSync(model.CaseFile)
    encoders.set(model, encode)
  }
  return encode
}

/**
 * The canonical YAML text of a case: fields in the order the model declares them, dates in their
 * shortest written form. Reading it back gives the same case, and writing that gives the same bytes.
 * `kinds` are the kinds of claim the case holds: the built-in ones unless given.
 */
export const writeCaseYaml = (
  caseFile: CaseFile,
  options: { readonly kinds?: ReadonlyArray<ClaimKind> | undefined } = {}
): string =>
  new Document(encoderOf(modelOf(options.kinds))(caseFile)).toString({ lineWidth: 0, indentSeq: true })
