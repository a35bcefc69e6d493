import type { ChronologyRow, DateCheck } from "@allegiance/present"
import type { RootContent } from "mdast"
import { inlineCode, type Phrasing, paragraph, table } from "../markdown/nodes.ts"
import { counted, nameInCell, oneLine } from "../markdown/words.ts"
import { type BriefWriter, disputeKey } from "./writer.ts"

/** A date check in a few words: "consistent", "2 days apart: consistent, with a caution", "4 days apart: inconsistent". */
export const dateCheckWords = (check: DateCheck): string => {
  const apart = Math.abs(check.gapDays)
  const gap = apart === 0 ? "" : `${apart} day${apart === 1 ? "" : "s"} apart: `
  switch (check.verdict) {
    case "consistent":
      return `${gap}consistent`
    case "consistent-with-caution":
      return `${gap}consistent, with a caution`
    case "inconsistent":
      return `${gap}inconsistent`
  }
}

const cells = (writer: BriefWriter, row: ChronologyRow): ReadonlyArray<ReadonlyArray<Phrasing>> => {
  const printed = row.printed.length > 0
  const asPrinted = printed
    ? row.printed.map((date) => oneLine(date.text)).join(" / ")
    : oneLine(row.date.text)
  const converted = printed
    ? row.printed.map((date) => date.gregorian).join(" / ") +
      (row.dateCheck === undefined ? "" : ` (${dateCheckWords(row.dateCheck)})`)
    : row.date.gregorian
  // A table has room for the whole name, which a list cuts. What was seen is described in a sentence,
  // whose full stop goes before "(observation)"; a statement's title is kept as printed.
  const whole = row.uncut ?? row.label
  const label = (row.kind === "observation" ? nameInCell(whole) : oneLine(whole)) || row.id
  const item: Array<Phrasing> = [
    writer.disputed.has(row.id) ? writer.headings.linkTo(disputeKey(row.id), label) : label
  ]
  if (row.kind === "observation") item.push(" (observation)")
  return [
    [asPrinted],
    [converted],
    item,
    [row.channel === undefined ? "" : oneLine(row.channel.handle)],
    [row.issuerAsPrinted === undefined ? "" : oneLine(row.issuerAsPrinted)],
    [`${row.badge.word}, ${row.confidence}`]
  ]
}

/** Every statement and observation known by the day, in date order, in one table. */
export const chronology = (writer: BriefWriter): ReadonlyArray<RootContent> => {
  const { content, headings } = writer
  const nodes: Array<RootContent> = [headings.make(2, "Chronology", "Chronology")]
  if (content.chronology.length === 0) {
    nodes.push(paragraph(`No statement or observation was known by ${content.asOfWritten}.`))
    return nodes
  }
  nodes.push(
    paragraph(
      "Statements and observations known by that day, by date. A Hijri date is converted in the Umm al-Qura calendar unless the check names another, and checked against the Gregorian date printed beside it."
    ),
    table(
      ["Date as printed", "Date converted", "Item", "Channel", "Issuer", "Verdict"],
      content.chronology.map((row) => cells(writer, row))
    )
  )
  if (content.omitted.chronology > 0)
    nodes.push(
      paragraph(
        `The table keeps the key events and the latest rows before the day: ${counted(content.omitted.chronology, "earlier statement or observation", "earlier statements and observations")} ${content.omitted.chronology === 1 ? "is" : "are"} left out. `,
        inlineCode("allegiance show"),
        " lists them all."
      )
    )
  return nodes
}
