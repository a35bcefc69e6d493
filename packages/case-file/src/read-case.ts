import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { checkIntegrity } from "@allegiance/domain/case/integrity"
import type { CaseFile } from "@allegiance/domain/model/case-file"
import { type CaseModel, modelOf } from "@allegiance/domain/model/case-model"
import { Result, Schema, SchemaIssue } from "effect"
import { isCollection, LineCounter, parseDocument } from "yaml"
import { type LocatedProblem, locatedProblem } from "./located-problem.ts"
import { quickJsonFrom, readJsonQuickly } from "./read-json-quickly.ts"

type Decode = (input: unknown) => Result.Result<CaseFile, Schema.SchemaError>
const decoders = new WeakMap<CaseModel, Decode>()

/** The strict decoding of a whole case file of the model: every problem, and no field the model does not know. */
const caseDecoder = (model: CaseModel): Decode => {
  let decode = decoders.get(model)
  if (decode === undefined) {
    decode = Schema.decodeUnknownResult(model.CaseFile, { errors: "all", onExcessProperty: "error" })
    decoders.set(model, decode)
  }
  return decode
}
const issueMessages = SchemaIssue.makeFormatterStandardSchemaV1()

/** How to read a case file: the kinds of claim it may hold (the built-in ones unless given). */
export interface ReadOptions {
  readonly kinds?: ReadonlyArray<ClaimKind> | undefined
}

/**
 * Reads a whole case file (YAML, or JSON, which YAML includes) and returns the case or every problem
 * found in it, each with its line, column and field. It never throws: whatever the text, the answer is
 * a case or a list of problems. A large valid JSON file takes a quicker way to the same case.
 */
export const readCaseText = (
  text: string,
  file: string,
  options: ReadOptions = {}
): Result.Result<CaseFile, ReadonlyArray<LocatedProblem>> => {
  const quick = text.length >= quickJsonFrom ? readJsonQuickly(text, options) : undefined
  return quick === undefined ? readCaseYaml(text, file, options) : Result.succeed(quick)
}

/** `readCaseText` through the YAML parser alone, whatever the text's size. */
export const readCaseYaml = (
  text: string,
  file: string,
  options: ReadOptions = {}
): Result.Result<CaseFile, ReadonlyArray<LocatedProblem>> => {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  if (document.errors.length > 0) {
    return Result.fail(
      document.errors.map((error) =>
        locatedProblem(
          file,
          position(error.pos[0]),
          [],
          `The file is not valid YAML or JSON: ${firstLine(error.message)}`
        )
      )
    )
  }
  const locate = (path: ReadonlyArray<string | number>) => {
    // The deepest node that exists along the path: a missing field is reported where its parent is.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true)
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range
      if (range !== undefined) return position(range[0])
    }
    return { line: 1, column: 1 }
  }
  let content: unknown
  try {
    content = document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    // Aliases are resolved only here: one that points nowhere, or expands without end, is the file's fault.
    return Result.fail([
      locatedProblem(
        file,
        { line: 1, column: 1 },
        [],
        `The file's YAML aliases cannot be resolved: ${firstLine(String((error as Error).message))}`
      )
    ])
  }
  if (
    !isCollection(document.contents) ||
    typeof content !== "object" ||
    content === null ||
    Array.isArray(content)
  ) {
    return Result.fail([
      locatedProblem(
        file,
        { line: 1, column: 1 },
        [],
        "A case file must be a mapping with a `case` section and lists of items."
      )
    ])
  }
  const decoded = caseDecoder(modelOf(options.kinds))(content)
  if (Result.isFailure(decoded)) {
    const { issues } = issueMessages(decoded.failure.issue)
    return Result.fail(
      issues.map((issue) => {
        const path = (issue.path ?? []).map((key) => (typeof key === "object" ? key.key : key)) as Array<
          string | number
        >
        return locatedProblem(file, locate(path), path, analystMessage(issue.message))
      })
    )
  }
  const problems = checkIntegrity(decoded.success, options)
  if (problems.length > 0) {
    return Result.fail(
      problems.map((problem) => locatedProblem(file, locate(problem.path), problem.path, problem.message))
    )
  }
  return Result.succeed(decoded.success)
}

const firstLine = (message: string) => message.split("\n")[0] ?? message

/** Schema's generic wording, put in the terms of a case file. */
const analystMessage = (message: string): string =>
  message
    .replace(/^Missing key$/, "This field is required but missing.")
    .replace(/^Unexpected key(.*)$/, "This field is not part of a case file (check its spelling)$1.")
    .replace(/^Expected no excess property$/, "This field is not part of a case file (check its spelling).")
