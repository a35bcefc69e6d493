import { CaseFile } from "@allegiance/domain/model/case-file"
import { Schema } from "effect"
import { Document } from "yaml"

const encodeCase = Schema.encodeSync(CaseFile)

/**
 * The canonical YAML text of a case: fields in the order the model declares them, dates in their
 * shortest written form. Reading it back gives the same case, and writing that gives the same bytes.
 */
export const writeCaseYaml = (caseFile: CaseFile): string =>
  new Document(encodeCase(caseFile)).toString({ lineWidth: 0, indentSeq: true })
