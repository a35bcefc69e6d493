/**
 * How a case file maps onto the store's items, and back. Each item of a section
 * (actors, statements, ...) is one stored item of that kind, its body the item's encoded
 * form; the `case` section (title, summary, document) is one more item. Depends on the
 * domain model only, so it runs wherever the store does (Node, Workers).
 */
import { CaseFile, CaseInfo, itemSections } from "@allegiance/domain/model/case-file"
import { CaseId } from "@allegiance/domain/model/ids"
import { Result, Schema, SchemaIssue } from "effect"
import type { ItemInput, StoredItem } from "./store.ts"

/** The kind and id under which a case's own section (`case:`) is stored. */
export const caseInfoKind = "case"
export const caseInfoId = "case"

const encodeCaseFile = Schema.encodeSync(CaseFile)
const decodeCaseFile = Schema.decodeUnknownResult(CaseFile, { errors: "all" })
const isCaseId = Schema.is(CaseId)
const issueMessages = SchemaIssue.makeFormatterStandardSchemaV1()

/** Whether `name` can be a case's id (and so its name in the store). */
export const isCaseName = (name: string): boolean => isCaseId(name)

/** The items a case file stores as, in the order the file lists them. */
export const caseFileItems = (caseFile: CaseFile): Array<ItemInput> => {
  const encoded = encodeCaseFile(caseFile) as unknown as Record<string, unknown>
  const items: Array<ItemInput> = [{ kind: caseInfoKind, id: caseInfoId, body: encoded.case }]
  for (const section of itemSections) {
    for (const item of (encoded[section] ?? []) as ReadonlyArray<{ readonly id: string }>) {
      items.push({ kind: section, id: item.id, body: item })
    }
  }
  return items
}

/** A copy of the case file whose `case.id` is `name`, for importing a case under another name. */
export const renameCase = (caseFile: CaseFile, name: string): CaseFile =>
  caseFile.case.id === name
    ? caseFile
    : new CaseFile({ ...caseFile, case: new CaseInfo({ ...caseFile.case, id: CaseId.make(name) }) })

/**
 * The case file a store snapshot holds, or what keeps it from being one (the store was
 * written under a model this version does not read).
 */
export const caseFileFromItems = (
  items: ReadonlyArray<StoredItem>
): Result.Result<CaseFile, ReadonlyArray<string>> => {
  const encoded: Record<string, unknown> = {}
  const sections = new Map<string, Array<unknown>>(itemSections.map((section) => [section, []]))
  const unknownKinds = new Set<string>()
  for (const item of items) {
    if (item.kind === caseInfoKind) encoded.case = item.body
    else {
      const section = sections.get(item.kind)
      if (section === undefined) unknownKinds.add(item.kind)
      else section.push(item.body)
    }
  }
  if (unknownKinds.size > 0) {
    return Result.fail([
      `it holds items of kinds this version does not know: ${[...unknownKinds].join(", ")}`
    ])
  }
  if (encoded.case === undefined) return Result.fail(["it has no case section"])
  for (const [section, list] of sections) encoded[section] = list
  const decoded = decodeCaseFile(encoded)
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success)
  const { issues } = issueMessages(decoded.failure.issue)
  return Result.fail(
    issues.slice(0, 10).map((issue) => {
      const path = (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join(".")
      return path === "" ? issue.message : `${path}: ${issue.message}`
    })
  )
}
