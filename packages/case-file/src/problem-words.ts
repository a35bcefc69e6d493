/**
 * Problems in a case file, put in the analyst's words: Schema's own issues (a missing field, one not
 * part of the model, a list that may not be empty, a kind that does not exist) and the YAML parser's
 * errors. What a reader reports is what, where, and what to do, never the library's advice.
 */
import { SchemaIssue } from "effect"

export type Path = ReadonlyArray<string | number>

/** A problem found in a case file's content, at a field path from the top of the file. */
export interface ContentProblem {
  readonly path: Path
  readonly message: string
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** Schema's generic wording, put in the terms of a case file. */
const analystMessage = (message: string): string =>
  message
    .replace(/^Missing key$/, "This field is required but missing.")
    .replace(/^Unexpected key(.*)$/, "This field is not part of a case file (check its spelling)$1.")
    .replace(/^Expected no excess property$/, "This field is not part of a case file (check its spelling).")

const valueAt = (root: unknown, path: Path): unknown => {
  let value = root
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined
    value = (value as Record<string | number, unknown>)[key]
  }
  return value
}

/**
 * Every issue of a Schema failure, at its path under `at`, in the analyst's words. `input` is the value
 * that failed, to say what a field holds where Schema's wording would mislead (an empty list is not a
 * list missing its first entry).
 */
export const issueProblems = (issue: SchemaIssue.Issue, at: Path, input: unknown): Array<ContentProblem> => {
  const problems: Array<ContentProblem> = []
  const seen = new Set<string>()
  for (const found of formatter(issue).issues) {
    const path = (found.path ?? []).map((key) => (typeof key === "object" ? key.key : key)) as Array<
      string | number
    >
    let problem: ContentProblem = {
      path: [...at, ...path],
      message: oneOfMessage(found.message, valueAt(input, path)) ?? analystMessage(found.message)
    }
    // A list that must hold one entry at least reports its first entry missing: say the list is empty.
    const last = path.length - 1
    if (found.message === "Missing key" && path[last] === 0) {
      const list = valueAt(input, path.slice(0, last))
      if (Array.isArray(list) && list.length === 0)
        problem = { path: [...at, ...path.slice(0, last)], message: emptyList(path[last - 1]) }
    }
    const key = `${problem.path.join("\u0000")}\u0001${problem.message}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push(problem)
  }
  return problems
}

const literalList = /^Expected ((?:"[^"]*"|-?\d+(?:\.\d+)?)(?: \| (?:"[^"]*"|-?\d+(?:\.\d+)?))+)$/

/** "Expected "a" | "b"" for a field that takes one of a few values: the values, and the nearest to what is written. */
const oneOfMessage = (message: string, written: unknown): string | undefined => {
  const list = literalList.exec(message)?.[1]
  if (list === undefined) return undefined
  const values = list
    .split(" | ")
    .map((value) => (value.startsWith('"') ? (JSON.parse(value) as string) : value))
  const shown = values.join(", ")
  if (typeof written !== "string")
    return `This field takes one of: ${shown}; it holds ${describeValue(written)}.`
  const nearest = nearestName(
    written,
    values.filter((value) => /[a-z]/i.test(value))
  )
  return `"${written}" is not one of the values this field takes (${shown})${nearest === undefined ? "" : `: did you mean "${nearest}"?`}`
}

const describeValue = (value: unknown): string =>
  value === null
    ? "nothing (null)"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "a mapping"
        : JSON.stringify(value)

const emptyList = (field: string | number | undefined): string =>
  field === "cites"
    ? "This list is empty: every item cites at least one paragraph of the case's document, e.g. cites: [{ paragraph: 3 }]."
    : "This list is empty, but it needs at least one entry."

/** The edit distance between two words: how many letters to add, drop or change to turn one into the other. */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    previous = current
  }
  return previous[b.length]!
}

/** The nearest of `names` to `written`, when it is near enough to be what was meant. */
export const nearestName = (written: string, names: ReadonlyArray<string>): string | undefined => {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  const lower = written.toLowerCase()
  for (const name of names) {
    const found = distance(lower, name)
    if (found < bestDistance) {
      best = name
      bestDistance = found
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(written.length / 3)) ? best : undefined
}

/**
 * The problem with the tag of an item that must be of one of several kinds (a claim's `kind`): one line
 * naming the kinds there are and the nearest to what was written.
 */
export const unknownKindProblem = (
  path: Path,
  field: string,
  noun: string,
  written: unknown,
  kinds: ReadonlyArray<string>
): ContentProblem => {
  const list = `The kinds of ${noun} are: ${[...kinds].sort().join(", ")}.`
  if (written === undefined)
    return { path: [...path, field], message: `This field is required: the kind of ${noun}. ${list}` }
  if (typeof written !== "string")
    return {
      path: [...path, field],
      message: `The kind of ${noun} is written as a word, not ${JSON.stringify(written)}. ${list}`
    }
  const nearest = nearestName(written, kinds)
  return {
    path: [...path, field],
    message: `"${written}" is not a kind of ${noun}${nearest === undefined ? "" : ` (did you mean "${nearest}"?)`}. ${list}`
  }
}

/** The YAML parser's errors, by their codes, in the analyst's words; its own message for the rest, advice dropped. */
export const yamlErrorMessage = (code: string, message: string): string => {
  switch (code) {
    case "MULTIPLE_DOCS":
      return "The file is not one YAML document but several (a line --- starts another one here): a case file is a single document; put everything in one, or split it into several files."
    case "DUPLICATE_KEY":
      return "This key is written a second time in the same mapping: each field may appear only once; remove or rename one of them."
    case "TAB_AS_INDENT":
      return "The file is not valid YAML: a tab indents this line, and YAML indents with spaces only."
    default:
      if (/call stack|too much recursion/i.test(message))
        return "The file nests lists or mappings too deeply to be read (thousands of levels inside each other); a case file nests a few."
      return `The file is not valid YAML or JSON: ${firstSentence(message)}`
  }
}

const firstSentence = (message: string): string => {
  const line = message.split("\n")[0] ?? message
  // The parser's advice to a programmer ("please use YAML.parseAllDocuments()") is not for an analyst.
  return line
    .replace(/;?\s*please use [^.]*\.?/i, "")
    .replace(/\s+at line \d+, column \d+:?$/, "")
    .trim()
}
