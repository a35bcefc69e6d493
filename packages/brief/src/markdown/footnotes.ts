import type { FootnoteDefinition, FootnoteReference } from "mdast"
import { footnoteDefinition, footnoteReference, paragraph } from "./nodes.ts"
import { oneLine, withStop } from "./words.ts"

/** What a footnote says about one source. */
export interface SourceNote {
  readonly id: string
  readonly description: string
  /** "B, usually reliable". */
  readonly grade: string
  readonly reason?: string
}

/**
 * The footnotes of one brief: one per source, numbered in the order the brief first cites them, so that
 * every reference has its note and every note is cited.
 */
export class Footnotes {
  readonly #notes: ReadonlyMap<string, SourceNote>
  readonly #numbers = new Map<string, string>()

  constructor(notes: Iterable<SourceNote>) {
    this.#notes = new Map([...notes].map((note) => [note.id, note]))
  }

  /** References to these sources, in the order given; sources the case does not hold are skipped. */
  cite(sources: Iterable<string>): Array<FootnoteReference> {
    const references: Array<FootnoteReference> = []
    for (const source of sources) {
      if (!this.#notes.has(source)) continue
      let number = this.#numbers.get(source)
      if (number === undefined) {
        number = String(this.#numbers.size + 1)
        this.#numbers.set(source, number)
      }
      references.push(footnoteReference(number))
    }
    return references
  }

  /** Whether the brief cites this source. */
  cited(source: string): boolean {
    return this.#numbers.has(source)
  }

  /** The notes of every source cited, in number order. */
  definitions(): Array<FootnoteDefinition> {
    return [...this.#numbers.entries()].map(([source, number]) => {
      const note = this.#notes.get(source)!
      return footnoteDefinition(
        number,
        paragraph(
          `${withStop(note.description)} Graded ${note.grade}.` +
            (note.reason === undefined || oneLine(note.reason) === "" ? "" : ` ${withStop(note.reason)}`)
        )
      )
    })
  }
}
