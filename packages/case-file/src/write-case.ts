import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import type { CaseFile } from "@allegiance/domain/model/case-file"
import { type CaseModel, modelOf } from "@allegiance/domain/model/case-model"
import { compiledEncoder, type Encoder } from "./compiled-encoder.ts"
import { yamlText } from "./yaml-text.ts"

const encoders = new WeakMap<CaseModel, Encoder>()

const encoderOf = (model: CaseModel) => {
  let encode = encoders.get(model)
  if (encode === undefined) {
    encode = compiledEncoder(model.CaseFile)
    encoders.set(model, encode)
  }
  return encode
}

/**
 * The canonical YAML text of a case: fields in the order the model declares them, dates in their
 * shortest written form. Reading it back gives the same case, and writing that gives the same bytes.
 * `kinds` are the kinds of claim the case holds: the built-in ones unless given.
 *
 * The case is encoded as `Schema.encodeSync(model.CaseFile)` encodes it and written as the `yaml`
 * library writes it, both by code compiled or written for the purpose (`compiled-encoder.ts`,
 * `yaml-text.ts`): through the general machinery, a case of 100k statements took five times as long
 * to write as to read.
 */
export const writeCaseYaml = (
  caseFile: CaseFile,
  options: { readonly kinds?: ReadonlyArray<ClaimKind> | undefined } = {}
): string => yamlText(encoderOf(modelOf(options.kinds))(caseFile))
