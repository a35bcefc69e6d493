/** The body of a view: its window of lines, the selected one marked, and under the timeline the selected row's dates. */
import { Box } from "ink"
import { LineText, LinesWindow } from "./draw.tsx"
import type { ListModel } from "./list-model.ts"
import { timelinePreview } from "./views/timeline.ts"

export const ListView = ({
  list,
  timeline,
  width
}: {
  readonly list: ListModel
  /** Whether the timeline shows (with its preview of the selected row). */
  readonly timeline: boolean
  readonly width: number
}) => (
  <Box flexDirection="column">
    <LinesWindow
      lines={list.lines}
      from={list.from}
      selected={list.length === 0 ? undefined : list.selected}
      height={list.height}
    />
    {timeline
      ? timelinePreview(list.currentRow, width - 2).map((entry, at) => <LineText key={at} line={entry} />)
      : null}
  </Box>
)
