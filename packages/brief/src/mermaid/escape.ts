import { oneLine, shortened } from "../markdown/words.ts"

/**
 * Text from a case as Mermaid shows it, escaped by Mermaid's own rule: a character is written as its
 * entity code, `#` then its decimal code point then `;` (Mermaid turns `#34;` back into `"`). Letters,
 * marks and numbers of any script, spaces and a few marks that no Mermaid syntax uses inside a quoted
 * label or a timeline event (stops, commas, apostrophes, parentheses...) stay as they are so that the source
 * stays readable; everything else (quotes, brackets, pipes, colons, hashes, percent signs, backticks,
 * angle brackets...) is written as a code, so it can neither end a label nor start a comment, a link,
 * a style or a markdown string.
 */
const plain = /[\p{L}\p{M}\p{N} .,'’‘“”…!?()/@_-]/u

export const mermaidText = (value: string, max = 60): string => {
  let written = ""
  for (const character of shortened(oneLine(value), max)) {
    written += plain.test(character) ? character : `#${character.codePointAt(0)};`
  }
  return written
}
