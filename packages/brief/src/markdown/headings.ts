import type { Heading, Link } from "mdast"
import { heading, type Phrasing, link } from "./nodes.ts"
import { headingWords } from "./words.ts"

/**
 * GitHub's anchor for a heading: lower case, without what is not a letter, mark, number, connector
 * punctuation, hyphen or space, spaces as hyphens. A repeated anchor gets -1, -2... as GitHub gives it.
 */
const anchorOf = (words: string): string =>
  words
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Mark}\p{Number}\p{Connector_Punctuation}\- ]/gu, "")
    .replace(/ /gu, "-")

/**
 * The headings of one brief, in document order: each heading's words are unique in the brief (a reader
 * and markdownlint both want that), and its anchor is the one GitHub gives it, so that links can point at
 * it. A link can be asked for before its heading is made (the key judgments point at the disputes below
 * them): it is completed when the brief is finished.
 */
export class Headings {
  readonly #words = new Set<string>()
  readonly #anchors = new Map<string, number>()
  readonly #byKey = new Map<string, string>()
  readonly #waiting: Array<{ readonly key: string; readonly link: Link }> = []

  /** A heading for `value`, made unique in the brief; `key` names it for links. `fallback` must hold a letter. */
  make(depth: Heading["depth"], value: string, fallback: string, key?: string): Heading {
    const named = headingWords(value, fallback)
    // A heading with no letter or number has no anchor to link to: the fallback gives it one.
    const base = anchorOf(named) === "" ? `${fallback} ${named}` : named
    let words = base
    for (let n = 2; this.#words.has(words); n++) words = `${base} (${n})`
    this.#words.add(words)
    const anchor = anchorOf(words)
    let unique = anchor
    const seen = this.#anchors.get(anchor)
    if (seen !== undefined) {
      for (let n = seen; ; n++) {
        unique = `${anchor}-${n}`
        if (!this.#anchors.has(unique)) {
          this.#anchors.set(anchor, n + 1)
          break
        }
      }
    } else this.#anchors.set(anchor, 1)
    if (unique !== anchor) this.#anchors.set(unique, 1)
    if (key !== undefined) this.#byKey.set(key, unique)
    return heading(depth, words)
  }

  /** A link to the heading made under `key`, now or later in the brief. */
  linkTo(key: string, ...children: ReadonlyArray<Phrasing>): Link {
    const made = link("", ...children)
    this.#waiting.push({ key, link: made })
    return made
  }

  /** Points every link at its heading; a link whose heading was never made is an error in the brief's making. */
  finish(): void {
    for (const { key, link: waiting } of this.#waiting) {
      const anchor = this.#byKey.get(key)
      if (anchor === undefined) throw new Error(`The brief links to a section that it does not hold: ${key}`)
      waiting.url = `#${anchor}`
    }
  }
}
