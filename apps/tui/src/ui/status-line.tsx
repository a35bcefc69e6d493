/** The top line: the case, the as-of day (always visible), the revision, and whether verdicts are being worked out. */
import type { IsoDay } from "@allegiance/domain"
import { writtenDay } from "@allegiance/present"
import { Text } from "ink"
import { useContext } from "react"
import { ColourContext } from "./draw.tsx"

export const StatusLine = ({
  caseName,
  asOf,
  revision,
  evaluating,
  reading,
  busy
}: {
  readonly caseName: string | undefined
  readonly asOf: IsoDay
  readonly revision: number | undefined
  /** Whether the verdicts on screen are not yet those of this day and revision. */
  readonly evaluating: boolean
  /** Whether the case itself is still being read. */
  readonly reading: boolean
  readonly busy: string | undefined
}) => {
  const colour = useContext(ColourContext)
  return (
    <Text wrap="truncate-end">
      <Text bold>{caseName ?? "Allegiance"}</Text>
      {"  as of "}
      <Text bold {...(colour ? { color: "cyan" } : {})}>
        {writtenDay(asOf)}
      </Text>
      {revision === undefined ? "" : `  rev ${revision}`}
      {evaluating ? <Text {...(colour ? { color: "yellow" } : {})}>{"  ◌ evaluating…"}</Text> : ""}
      {reading ? <Text {...(colour ? { color: "yellow" } : {})}>{"  ◌ reading the case…"}</Text> : ""}
      {busy === undefined ? "" : `  ${busy}`}
    </Text>
  )
}
