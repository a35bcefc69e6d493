import { reliabilityWords } from "@allegiance/domain"
import type { BriefContent } from "@allegiance/present"
import type { Root } from "mdast"
import { Footnotes } from "./markdown/footnotes.ts"
import { Headings } from "./markdown/headings.ts"
import { background } from "./sections/background.ts"
import { chronology } from "./sections/chronology.ts"
import { disputed } from "./sections/disputed.ts"
import { hypotheses } from "./sections/hypotheses.ts"
import { keyJudgments } from "./sections/key-judgments.ts"
import { leftOut } from "./sections/left-out.ts"
import { opening } from "./sections/opening.ts"
import { sources } from "./sections/sources.ts"
import type { BriefWriter, Section } from "./sections/writer.ts"

/**
 * The sections of a brief, in the order it reads: the bottom line first, then what it rests on. Sources
 * come last so that their notes (the footnotes) close the document, where GitHub shows them.
 */
export const briefSections: ReadonlyArray<Section> = [
  opening,
  keyJudgments,
  background,
  chronology,
  disputed,
  hypotheses,
  leftOut,
  sources
]

/** The brief as a markdown syntax tree (mdast), from what it says. Pure: the same content gives the same tree. */
export const briefTree = (content: BriefContent): Root => {
  const writer: BriefWriter = {
    content,
    footnotes: new Footnotes(
      content.sources.map((source) => ({
        id: source.id,
        description: source.description,
        grade: `${source.reliability}, ${reliabilityWords[source.reliability]}`,
        ...(source.reason === undefined ? {} : { reason: source.reason })
      }))
    ),
    headings: new Headings(),
    disputed: new Set(content.disputed.map((item) => item.id))
  }
  const children = briefSections.flatMap((section) => section(writer))
  writer.headings.finish()
  return { type: "root", children }
}
