/**
 * What a view draws, as lines of styled segments: each view turns its view data (from
 * @allegiance/present) into lines of the terminal's width, and one component draws whichever lines fit.
 * Scrolling, windowing and reflow on resize all work on these lines.
 */
import type { Badge } from "@allegiance/present"

export type Tone = "good" | "bad" | "mixed" | "quiet" | "accent" | "heading" | "changed"

export interface Segment {
  readonly text: string
  readonly tone?: Tone
  readonly bold?: boolean
  readonly dim?: boolean
}

export interface Line {
  readonly segments: ReadonlyArray<Segment>
  /** The item Enter opens on this line, if any. */
  readonly target?: string
}

export const line = (...segments: ReadonlyArray<Segment | string>): Line => ({
  segments: segments.map((segment) => (typeof segment === "string" ? { text: segment } : segment))
})

export const targetLine = (target: string, ...segments: ReadonlyArray<Segment | string>): Line => ({
  ...line(...segments),
  target
})

export const blank: Line = { segments: [] }

export const heading = (text: string): Line => line({ text, tone: "heading", bold: true })

/** A status badge as text: its letter and symbol (so that it reads without colour), in its tone. */
export const badge = (of: Badge): Segment => ({ text: `${of.letter}${of.symbol}`, tone: of.tone, bold: true })

/** The marker of an item whose verdict changed at the last as-of step. */
export const changedMark = (changed: boolean): Segment =>
  changed ? { text: "*", tone: "changed", bold: true } : { text: " " }

/** Text cut to `width` characters, with an ellipsis when cut. */
export const fit = (text: string, width: number): string =>
  width <= 0 ? "" : text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`

export const pad = (text: string, width: number): string => fit(text, width).padEnd(width)

/** Words wrapped to `width`, every line after the first indented by `indent`. */
export const wrap = (text: string, width: number, indent = 0): ReadonlyArray<string> => {
  const room = Math.max(10, width)
  const lines: Array<string> = []
  let current = ""
  for (const word of text.split(/\s+/).filter((part) => part !== "")) {
    const limit = lines.length === 0 ? room : room - indent
    if (current === "") current = word
    else if (current.length + 1 + word.length <= limit) current += ` ${word}`
    else {
      lines.push(current)
      current = word
    }
    while (current.length > (lines.length === 0 ? room : room - indent)) {
      const cut = lines.length === 0 ? room : room - indent
      lines.push(current.slice(0, cut))
      current = current.slice(cut)
    }
  }
  if (current !== "" || lines.length === 0) lines.push(current)
  return lines.map((text, at) => (at === 0 ? text : `${" ".repeat(indent)}${text}`))
}

/** A paragraph as lines, each wrapped line in the same style. */
export const paragraph = (text: string, width: number, style: Omit<Segment, "text"> = {}, indent = 0) =>
  wrap(text, width, indent).map((part) => line({ text: part, ...style }))
