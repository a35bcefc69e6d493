/**
 * How text from a case is fitted to the places a brief puts it. Nothing here rewords: it only keeps
 * text on one line, starts a sentence with a capital and ends it with a stop.
 */

/**
 * Characters that would break a line or a table row (line and paragraph separators, tabs, control
 * characters) become spaces; runs of spaces become one; the ends are trimmed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched here.
const breaking = /[\s\u0000-\u001f\u007f-\u009f]+/g

/** The text with whatever would break a line as single spaces, its ends kept (it may sit between other text). */
export const flat = (value: string): string => value.replace(breaking, " ")

/** The text on one line, trimmed: for a name or a sentence that stands on its own. */
export const oneLine = (value: string): string => flat(value).trim()

/** The text with its first letter a capital, to open a sentence with words that usually follow one. */
export const capitalised = (value: string): string => {
  const line = oneLine(value)
  const first = line.codePointAt(0)
  if (first === undefined) return line
  const head = String.fromCodePoint(first)
  return head.toUpperCase() + line.slice(head.length)
}

/** The text as the end of a sentence: with a full stop unless it already ends with one (or ? or !). */
export const withStop = (value: string): string => {
  const line = oneLine(value)
  return /[.!?…]["'”’)\]]*$/u.test(line) ? line : `${line}.`
}

/** Punctuation a heading should not end with (markdownlint's rule on trailing punctuation). */
const trailingPunctuation = /[.,;:!。，；：！\s]+$/u

/** The text a heading shows for a name: on one line, without trailing punctuation; `fallback` if nothing is left. */
export const headingWords = (value: string, fallback: string): string => {
  const words = oneLine(value).replace(trailingPunctuation, "")
  return words === "" ? oneLine(fallback).replace(trailingPunctuation, "") : words
}

/** A description on one line as a table cell shows it beside a note in brackets: without its full stop ("...for Eid al-Adha"). */
export const nameInCell = (value: string): string => oneLine(value).replace(/(?<!\.)\.$/, "")

/** The text cut to at most `max` characters, at a word where it can, with an ellipsis when cut. */
export const shortened = (value: string, max: number): string => {
  const line = oneLine(value)
  const points = [...line]
  if (points.length <= max) return line
  const cut = points.slice(0, max - 1).join("")
  const atWord = cut.lastIndexOf(" ")
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`
}

/** "1 item", "3 items". */
export const counted = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`
