/**
 * Block YAML text of plain data (objects, arrays, strings, finite numbers, booleans, null), the very
 * text the `yaml` library writes for it (`new Document(value).toString({ lineWidth: 0, indentSeq: true })`,
 * without anchors), at a small part of its cost: writing a case of 100k statements through the library
 * took several times as long as reading it.
 *
 * Almost every scalar of a case is written as it is (identifiers, names, days, plain sentences); this
 * writes those itself. A scalar or a key that needs quoting or a block (a line break, a leading dash, a
 * `: ` inside, text that would read as a number) is handed to the library on its own and its text put in
 * place, so that what the library decides about quoting is decided once, there.
 */
import { Document } from "yaml"

const writeOptions = { lineWidth: 0, indentSeq: true } as const

/** The library's text of `value`, as the document's whole content. */
const byLibrary = (value: unknown): string =>
  new Document(value, { aliasDuplicateObjects: false }).toString(writeOptions)

// What makes the library quote a plain string or write it as a block (its `plainString`): an indicator
// first, `: ` or ` #` inside, a space or a colon last.
const needsQuoting = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/
// Control characters and lone surrogates, which it writes double-quoted.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for
const controlCharacters = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u
// Plain text that YAML 1.2's core schema reads as something other than a string: null, a boolean, a number.
const readsAsOther =
  /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/
const documentMarker = /^(?:%|---|\.\.\.)/

/** Whether the library writes `text` plain, as it is, on one line. */
const writtenAsItIs = (text: string): boolean =>
  !text.includes("\n") &&
  !needsQuoting.test(text) &&
  !readsAsOther.test(text) &&
  !controlCharacters.test(text) &&
  !documentMarker.test(text)

// Keys longer than this the library may write as explicit (`? key`) keys; they go to it whole.
const longestPlainKey = 200

const isCollection = (value: unknown): value is object => typeof value === "object" && value !== null

/**
 * The library's text of the pair `key: value` in a map `indent` deep, from its key on (the indent left
 * out of its first line). The pair is written inside as many maps as make it that deep, since what the
 * library writes depends on the depth (a `---` is quoted near the top, plain further in).
 */
const pairByLibrary = (key: string, value: unknown, indent: string): string => {
  const depth = indent.length / 2
  let nested: unknown = { [key]: value }
  for (let level = 0; level < depth; level++) nested = { a: nested }
  const written = byLibrary(nested)
  let start = 0
  for (let level = 0; level < depth; level++) start = written.indexOf("\n", start) + 1
  return written.slice(start + indent.length, -1)
}

/** A scalar's text where it follows `key: ` or `- ` in a collection indented by `indent`. */
const scalarText = (value: unknown, indent: string): string => {
  switch (typeof value) {
    case "string":
      if (writtenAsItIs(value)) return value
      break
    case "number":
      if (Number.isFinite(value)) return Object.is(value, -0) ? "-0" : JSON.stringify(value)
      break
    case "boolean":
      return value ? "true" : "false"
    default:
      if (value === null) return "null"
  }
  // Its text as the value of a key as deep; its later lines (a block's) are indented as they would be here.
  return pairByLibrary("x", value, indent).slice(3)
}

class Writer {
  readonly parts: Array<string> = []

  /** The value of a key whose line (`indent` deep) has been written up to its colon. */
  afterKey(value: unknown, indent: string): void {
    if (!isCollection(value)) {
      this.parts.push(" ", scalarText(value, indent), "\n")
    } else if (Array.isArray(value)) {
      if (value.length === 0) this.parts.push(" []\n")
      else {
        this.parts.push("\n")
        this.sequence(value, `${indent}  `, false)
      }
    } else if (isEmptyObject(value)) {
      this.parts.push(" {}\n")
    } else {
      this.parts.push("\n")
      this.map(value as Record<string, unknown>, `${indent}  `, false)
    }
  }

  /** A map's pairs, `indent` deep; the first on the current line when `inLine` (after `- `). */
  map(value: Record<string, unknown>, indent: string, inLine: boolean): void {
    let first = inLine
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue
      const item = value[key]
      if (item === undefined) continue
      if (!first) this.parts.push(indent)
      first = false
      if (key.length <= longestPlainKey && writtenAsItIs(key)) {
        this.parts.push(key, ":")
        this.afterKey(item, indent)
      } else {
        // A key the library quotes: the pair as it writes it, as deep.
        this.parts.push(pairByLibrary(key, item, indent), "\n")
      }
    }
  }

  /** A sequence's items, `indent` deep; the first on the current line when `inLine` (after `- `). */
  sequence(value: ReadonlyArray<unknown>, indent: string, inLine: boolean): void {
    for (let at = 0; at < value.length; at++) {
      const item = value[at] === undefined ? null : value[at]
      this.parts.push(at === 0 && inLine ? "- " : `${indent}- `)
      const inner = `${indent}  `
      if (!isCollection(item)) this.parts.push(scalarText(item, indent), "\n")
      else if (Array.isArray(item)) {
        if (item.length === 0) this.parts.push("[]\n")
        else this.sequence(item, inner, true)
      } else if (isEmptyObject(item)) this.parts.push("{}\n")
      else this.map(item as Record<string, unknown>, inner, true)
    }
  }
}

const isEmptyObject = (value: object): boolean => {
  for (const key in value)
    if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] !== undefined) return false
  return true
}

/** The YAML text of `value` (a map or a list of plain data), as the `yaml` library writes it. */
export const yamlText = (value: unknown): string => {
  if (!isCollection(value) || isEmptyObject(value)) return byLibrary(value)
  const writer = new Writer()
  if (Array.isArray(value)) writer.sequence(value, "", false)
  else writer.map(value as Record<string, unknown>, "", false)
  return writer.parts.join("")
}
