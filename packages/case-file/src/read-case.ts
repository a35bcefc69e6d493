import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import type { CaseFile } from "@allegiance/domain/model/case-file"
import { modelOf } from "@allegiance/domain/model/case-model"
import { Result } from "effect"
import { isCollection, LineCounter, parseDocument } from "yaml"
import { readCaseContent } from "./case-content.ts"
import { keysWritten, locateInJson, positionsOf, repeatedKeys } from "./json-text.ts"
import { type LocatedProblem, locatedProblem } from "./located-problem.ts"
import { type ContentProblem, type Path, yamlErrorMessage } from "./problem-words.ts"

/** How to read a case file: the kinds of claim it may hold (the built-in ones unless given). */
export interface ReadOptions {
  readonly kinds?: ReadonlyArray<ClaimKind> | undefined
}

type Read = Result.Result<CaseFile, ReadonlyArray<LocatedProblem>>

/**
 * Reads a whole case file (YAML, or JSON, which YAML includes) and returns the case or every problem
 * found in it, each with its line, column and field. It never throws: whatever the text, the answer is
 * a case or a list of problems. JSON is parsed by `JSON.parse` and located by a scan of its text, so that
 * a large file costs about what parsing it costs, whether it is valid or not; anything else goes through
 * the YAML parser, which places every node.
 */
export const readCaseText = (text: string, file: string, options: ReadOptions = {}): Read => {
  const json = /^\s*\{/.test(text) ? parseJson(text) : undefined
  return json === undefined
    ? readCaseYaml(text, file, options)
    : readCaseJson(text, json.value, file, options)
}

const parseJson = (text: string): { readonly value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) }
  } catch {
    // Not JSON after all (YAML's flow style looks alike): the YAML parser says where it goes wrong.
    return undefined
  }
}

const repeatedKeyMessage =
  "This key is written a second time in the same object: each field may appear only once, and a reader would keep only the last; remove or rename one of them."

const readCaseJson = (text: string, content: unknown, file: string, options: ReadOptions): Read => {
  // The tree JSON.parse made is this read's own: its objects become the case's, where they can.
  const read = readCaseContent(content, modelOf(options.kinds), { owned: true })
  // JSON.parse keeps the last of two equal keys, where a case file may write each key once.
  const written = keysWritten(text)
  const repeated = written === read.keys ? [] : repeatedKeys(text)
  if (read.caseFile !== undefined && repeated.length === 0) return Result.succeed(read.caseFile)
  const positions = locateInJson(
    text,
    read.problems.map((problem) => problem.path)
  )
  const located = read.problems.map((problem, at) =>
    locatedProblem(file, positions[at]!, problem.path, problem.message)
  )
  const repeatedAt = positionsOf(
    text,
    repeated.map((key) => key.offset)
  )
  const twice = repeated.map((key, at) => locatedProblem(file, repeatedAt[at]!, key.path, repeatedKeyMessage))
  return Result.fail(sortedByPlace([...twice, ...located]))
}

const sortedByPlace = (problems: ReadonlyArray<LocatedProblem>): Array<LocatedProblem> =>
  [...problems].sort((a, b) => a.line - b.line || a.column - b.column)

/** `readCaseText` through the YAML parser alone, whatever the text. */
export const readCaseYaml = (text: string, file: string, options: ReadOptions = {}): Read => {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  if (document.errors.length > 0) {
    // One problem per place: a file nested too deeply, say, reports the same error at every level.
    const seen = new Set<string>()
    const problems: Array<LocatedProblem> = []
    for (const error of document.errors) {
      const message = yamlErrorMessage(error.code, error.message)
      if (seen.has(message)) continue
      seen.add(message)
      problems.push(locatedProblem(file, position(error.pos[0]), [], message))
    }
    return Result.fail(problems)
  }
  const locate = (path: Path) => {
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
  if (!isCollection(document.contents)) {
    return Result.fail([
      locatedProblem(
        file,
        { line: 1, column: 1 },
        [],
        "A case file must be a mapping with a `case` section and lists of items."
      )
    ])
  }
  const read = readCaseContent(content, modelOf(options.kinds))
  if (read.caseFile !== undefined) return Result.succeed(read.caseFile)
  return Result.fail(
    sortedByPlace(
      read.problems.map((problem: ContentProblem) =>
        locatedProblem(file, locate(problem.path), problem.path, problem.message)
      )
    )
  )
}

const firstLine = (message: string) => message.split("\n")[0] ?? message
