/**
 * Drawing lines in the terminal: a line's segments as Ink text in their tones' colours (or none, under
 * NO_COLOR), and a window of lines with the selected one marked, so that a list of any length draws only
 * what fits.
 */
import { Box, Text } from "ink"
import { createContext, memo, useContext, useRef } from "react"
import type { Line, Segment, Tone } from "./lines.ts"

/** Whether to draw in colour: off under NO_COLOR. Badges and marks carry letters and symbols either way. */
export const ColourContext = createContext(true)

const toneColours: Record<Tone, string> = {
  good: "green",
  bad: "red",
  mixed: "yellow",
  quiet: "gray",
  accent: "cyan",
  heading: "blueBright",
  changed: "magenta"
}

const SegmentText = ({ segment, colour }: { readonly segment: Segment; readonly colour: boolean }) => (
  <Text
    {...(colour && segment.tone !== undefined ? { color: toneColours[segment.tone] } : {})}
    bold={segment.bold === true}
    dimColor={colour && segment.dim === true}
  >
    {segment.text}
  </Text>
)

const LineTextDrawn = ({ line, selected = false }: { readonly line: Line; readonly selected?: boolean }) => {
  const colour = useContext(ColourContext)
  return (
    <Text wrap="truncate-end" inverse={selected}>
      {selected ? "›" : " "}
      {line.segments.map((segment, at) => (
        <SegmentText key={at} segment={segment} colour={colour && !selected} />
      ))}
    </Text>
  )
}

/** Whether two lines draw the same: the same segments, in the same styles. */
const sameLine = (a: Line, b: Line): boolean =>
  a === b ||
  (a.segments.length === b.segments.length &&
    a.segments.every((segment, at) => {
      const other = b.segments[at]!
      return (
        segment.text === other.text &&
        segment.tone === other.tone &&
        segment.bold === other.bold &&
        segment.dim === other.dim
      )
    }))

/**
 * A line, drawn again only when what it shows changed: the views build their lines anew on every key,
 * and moving down a list changes two of them (three when the window scrolls, all of them on a page),
 * so that a key costs what it changes on screen rather than every line of it.
 */
export const LineText = memo(
  LineTextDrawn,
  (before, after) =>
    (before.selected ?? false) === (after.selected ?? false) && sameLine(before.line, after.line)
)

/**
 * Where a window of `height` lines starts so that `selected` shows: it stays put while the selection
 * moves inside it, and moves only as far as needed, so that moving down a list redraws little.
 */
export const useWindowStart = (selected: number, height: number, length: number): number => {
  const start = useRef(0)
  let from = start.current
  if (selected < from) from = selected
  else if (selected >= from + height) from = selected - height + 1
  from = Math.max(0, Math.min(from, Math.max(0, length - height)))
  start.current = from
  return from
}

/** A window of lines, `from` the first, the selected one marked. */
export const LinesWindow = ({
  lines,
  from,
  selected,
  height
}: {
  readonly lines: ReadonlyArray<Line>
  /** The place of `lines[0]` in the whole list. */
  readonly from: number
  readonly selected: number | undefined
  readonly height: number
}) => (
  <Box flexDirection="column" height={height} overflow="hidden">
    {lines.slice(0, height).map((line, at) => (
      <LineText key={from + at} line={line} selected={selected === from + at} />
    ))}
  </Box>
)
