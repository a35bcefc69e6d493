import {
  checkDualDate,
  type DateReadError,
  type DualDateFinding,
  HIJRI_CALENDAR_LABELS,
  HIJRI_CALENDARS
} from "@allegiance/domain/calendar/index"
import { Console, Effect, Option, Result, Stdio, Stream } from "effect"
import type { DateCheckInput } from "../commands/date-check.ts"

const FIELD_NAMES = { hijri: "Hijri", gregorian: "Gregorian" } as const

const signed = (days: number): string => (days > 0 ? `+${days}` : `${days}`)

/** The finding for a reader: verdict, the sentence to paste, then the figures behind it. */
export const renderFinding = (finding: DualDateFinding): string => {
  const matched =
    finding.matchedCalendar === null
      ? ""
      : ` (matched the ${HIJRI_CALENDAR_LABELS[finding.matchedCalendar]} calendar)`
  const lines = [
    `Verdict: ${finding.verdict}${matched}`,
    finding.explanation,
    "Offsets (printed Gregorian minus converted Hijri, in days):"
  ]
  for (const calendar of HIJRI_CALENDARS) {
    const offset = finding.offsets[calendar]
    const days = offset.days === null ? "none" : signed(offset.days)
    lines.push(`  ${HIJRI_CALENDAR_LABELS[calendar].padEnd(12)} ${days.padStart(5)}  ${offset.description}`)
  }
  return lines.join("\n")
}

/** A read error for a reader: which date, the text with the problem underlined, what was expected. */
export const renderReadError = (error: DateReadError): string => {
  const which = error.field === undefined ? "the date" : `the ${FIELD_NAMES[error.field]} date`
  const underline = " ".repeat(error.offset) + "^".repeat(Math.max(1, error.length))
  return [
    `Cannot read ${which}: ${error.message}`,
    `  ${error.text}`,
    `  ${underline}`,
    `Expected: ${error.expected}.`
  ].join("\n")
}

/** The error as plain data, for --json. */
export const readErrorJson = (error: DateReadError) => ({
  field: error.field ?? null,
  reason: error.reason,
  text: error.text,
  offset: error.offset,
  length: error.length,
  expected: error.expected,
  message: error.message
})

/** One result line of a batch: the pair checked, or an error naming the line. */
export const batchResult = (
  line: string,
  lineNumber: number,
  json: boolean
): { readonly output: string; readonly ok: boolean } => {
  const tab = line.indexOf("\t")
  if (tab < 0) {
    const message =
      line.trim() === ""
        ? "The line is empty; expected the Hijri date, a tab, then the Gregorian date."
        : "The line has no tab; expected the Hijri date, a tab, then the Gregorian date."
    return {
      ok: false,
      output: json
        ? JSON.stringify({
            line: lineNumber,
            ok: false,
            error: {
              field: null,
              reason: "unreadable",
              text: line,
              offset: line.length,
              length: 0,
              expected: "a tab between the two dates",
              message
            }
          })
        : `line ${lineNumber}: error: ${message}`
    }
  }
  const checked = checkDualDate(line.slice(0, tab), line.slice(tab + 1))
  if (Result.isFailure(checked)) {
    const error = checked.failure
    return {
      ok: false,
      output: json
        ? JSON.stringify({ line: lineNumber, ok: false, error: readErrorJson(error) })
        : `line ${lineNumber}: error in the ${FIELD_NAMES[error.field ?? "hijri"]} date at character ${error.offset + 1}: ${error.message}`
    }
  }
  const finding = checked.success
  return {
    ok: true,
    output: json
      ? JSON.stringify({ line: lineNumber, ok: true, finding })
      : `line ${lineNumber}: ${finding.verdict}: ${finding.explanation}`
  }
}

/**
 * Reports a run that could not answer and marks the process failed. The exit code is set rather than the
 * effect failed: a failed main effect exits at once, which would cut off batch output still in the pipe.
 */
const fail = (message: string) =>
  Console.error(message).pipe(
    Effect.andThen(
      Effect.sync(() => {
        process.exitCode = 1
      })
    )
  )

/** Checks standard input line by line, writing each result as soon as its line is read. */
const runBatch = (json: boolean) =>
  Effect.gen(function* () {
    const stdio = yield* Stdio.Stdio
    let failed = 0
    yield* stdio.stdin.pipe(
      Stream.decodeText,
      Stream.splitLines,
      Stream.zipWithIndex,
      Stream.map(([line, index]) => {
        const result = batchResult(line, index + 1, json)
        if (!result.ok) failed++
        return `${result.output}\n`
      }),
      Stream.run(stdio.stdout({ endOnDone: false }))
    )
    if (failed > 0) {
      return yield* fail(
        `${failed} line${failed === 1 ? "" : "s"} could not be read; see the error results above.`
      )
    }
  })

const runPair = (hijri: string, gregorian: string, json: boolean) =>
  Effect.gen(function* () {
    const checked = checkDualDate(hijri, gregorian)
    if (Result.isFailure(checked)) {
      if (json) yield* Console.log(JSON.stringify({ error: readErrorJson(checked.failure) }, null, 2))
      return yield* fail(renderReadError(checked.failure))
    }
    yield* Console.log(json ? JSON.stringify(checked.success, null, 2) : renderFinding(checked.success))
  })

export const dateCheck = (flags: DateCheckInput) => {
  const hijri = Option.getOrUndefined(flags.hijri)
  const gregorian = Option.getOrUndefined(flags.gregorian)
  if (flags.batch) {
    if (hijri !== undefined || gregorian !== undefined) {
      return fail("With --batch the dates come from standard input; leave out --hijri and --gregorian.")
    }
    return runBatch(flags.json)
  }
  if (hijri === undefined || gregorian === undefined) {
    return fail(
      `Give both dates: --hijri "17 Rabi' al-Awwal 1436" --gregorian "8 January 2015" (or --batch to read pairs from standard input).`
    )
  }
  return runPair(hijri, gregorian, flags.json)
}
