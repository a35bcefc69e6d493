import type { BriefContent } from "@allegiance/present"
import type { RootContent } from "mdast"
import type { Footnotes } from "../markdown/footnotes.ts"
import type { Headings } from "../markdown/headings.ts"

/** What every section of one brief shares while it is written: the content, its footnotes and headings. */
export interface BriefWriter {
  readonly content: BriefContent
  readonly footnotes: Footnotes
  readonly headings: Headings
  /** The items that have a section of their own under "Disputed items", to link to. */
  readonly disputed: ReadonlySet<string>
}

/** A section of the brief: the nodes it adds to the document, in order. */
export type Section = (writer: BriefWriter) => ReadonlyArray<RootContent>

/** The key a disputed item's heading is made under, for links to it. */
export const disputeKey = (id: string): string => `dispute:${id}`
