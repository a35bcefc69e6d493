/** The help overlay: every key of the current view (or of the form), scrolled with the arrows. */
import { Box, Text } from "ink"
import { LinesWindow } from "./draw.tsx"
import type { Line } from "./lines.ts"

export const HelpView = ({
  title,
  lines,
  line,
  height
}: {
  readonly title: string
  readonly lines: ReadonlyArray<Line>
  /** The first line shown. */
  readonly line: number
  readonly height: number
}) => {
  const first = Math.max(0, Math.min(line, lines.length - (height - 1)))
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Keys of {title}
        <Text dimColor>
          {lines.length > height - 1
            ? "  (↑ ↓ for more; any other key closes this)"
            : "  (any key closes this)"}
        </Text>
      </Text>
      <LinesWindow
        lines={lines.slice(first, first + height - 1)}
        from={first}
        selected={undefined}
        height={height - 1}
      />
    </Box>
  )
}
