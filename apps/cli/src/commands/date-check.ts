import { Effect } from "effect"
import { Command, Flag } from "effect/cli"

const config = {
  hijri: Flag.String("hijri").pipe(
    Flag.withDescription(
      `The Hijri date as printed, e.g. "17 Rabi' al-Awwal 1436" or "١٧ ربيع الأول ١٤٣٦هـ" (transliterations, Arabic script and Arabic-Indic digits are read)`
    ),
    Flag.optional
  ),
  gregorian: Flag.String("gregorian").pipe(
    Flag.withDescription(
      `The Gregorian date printed beside it, e.g. "8 January 2015", "Thursday, January 8, 2015" or "8 January 2015, 10:17 pm" (a time of day is read and left out of the comparison of days)`
    ),
    Flag.optional
  ),
  json: Flag.Boolean("json").pipe(
    Flag.withDescription("Print the finding as JSON (with --batch: one JSON object per line)"),
    Flag.withDefault(false)
  ),
  batch: Flag.Boolean("batch").pipe(
    Flag.withDescription(
      "Read pairs from standard input, one per line: the Hijri date, a tab, the Gregorian date. Writes one result per line in the same order; a line that cannot be read gets an error result with its line number and the batch goes on (exit code 1 at the end if any line failed)"
    ),
    Flag.withDefault(false)
  )
}
export type DateCheckInput = Command.Command.Config.Infer<typeof config>

export const dateCheck = Command.make("date-check", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/date-check.ts")),
    (run) => run.dateCheck(input)
  )
).pipe(
  Command.withDescription(
    "Check a Hijri date against the Gregorian date printed beside it: 0-1 day apart is consistent, 2 days consistent with a caution, 3 or more inconsistent (Umm al-Qura first, then the civil and tabular calendars; a printed weekday must match exactly, and one printed with the Hijri date is checked against the printed Gregorian day, the day the thing appeared). Exit code 1 when a date cannot be read."
  ),
  Command.withExamples([
    {
      command: `allegiance date-check --hijri "17 Rabi al-Awal 1436" --gregorian "4 January 2015"`,
      description: "The seed's graduation photos: inconsistent by 4 days"
    },
    {
      command: `allegiance date-check --hijri "١٧ ربيع الأول ١٤٣٦هـ" --gregorian "8 January 2015" --json`,
      description: "The finding as JSON"
    },
    {
      command: "allegiance date-check --batch --json < pairs.tsv",
      description: "Check many pairs (Hijri<TAB>Gregorian per line), one JSON result per line"
    }
  ])
)
