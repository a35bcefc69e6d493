/** The second line: the views one key away, the current one marked (and Detail, when open). */
import { Text } from "ink"
import { tabs, type ViewName, viewTitles } from "./view-names.ts"

export const TabLine = ({
  view,
  from,
  width
}: {
  readonly view: ViewName
  /** The view Detail was opened from. */
  readonly from: ViewName
  readonly width: number
}) => (
  <Text wrap="truncate-end">
    {tabs.map((tab) => {
      const current = view === tab.view
      const title = width < 90 && tab.view === "relationships" ? "Relations" : viewTitles[tab.view]
      return (
        <Text key={tab.view} inverse={current} bold={current || (view === "detail" && from === tab.view)}>
          {` ${tab.key} ${title} `}
        </Text>
      )
    })}
    {view === "detail" ? (
      <Text inverse bold>
        {" Detail "}
      </Text>
    ) : (
      ""
    )}
  </Text>
)
