/** The form of a statement, claim or observation being added or edited, as `item-form` of @allegiance/present lays it out. */
import type { FormRow, FormSession, PickOption } from "@allegiance/present"
import { Box, Text } from "ink"
import { formKeys } from "./key-bindings.ts"
import { LineText, LinesWindow, useWindowStart } from "./draw.tsx"
import { fit, type Line, line, pad, wrap } from "./lines.ts"

const titles = { statement: "statement", claim: "claim", observation: "observation" }

/** The lines of the form's rows; the place of each row's first line, to keep the selected row in view. */
const formLines = (rows: ReadonlyArray<FormRow>, selected: number, width: number) => {
  const lines: Array<Line> = []
  const starts: Array<number> = []
  const labelWidth = 22
  rows.forEach((row, at) => {
    starts.push(lines.length)
    if (row.type === "add") {
      lines.push(
        line(
          { text: `  + ${row.label}`, tone: "accent" },
          at === selected ? { text: "  (Enter)", dim: true } : ""
        )
      )
      return
    }
    const label = `${row.field.label}${row.field.required ? "*" : ""}`
    const cursor = at === selected && !row.locked ? "▏" : ""
    const value = row.value + cursor
    const reading = row.reading === undefined ? "" : ` → ${row.reading}`
    const valueWidth = Math.max(10, width - labelWidth - 2)
    const shown = value.length > valueWidth ? `…${value.slice(value.length - valueWidth + 1)}` : value
    lines.push(
      line(
        {
          text: pad(label, labelWidth),
          bold: at === selected,
          ...(row.problems.length > 0 ? { tone: "bad" as const } : {})
        },
        { text: shown, ...(row.locked ? { dim: true } : {}) },
        { text: fit(reading, Math.max(0, valueWidth - shown.length)), tone: "good" }
      )
    )
    if (row.reading !== undefined && shown.length + reading.length > valueWidth && at === selected)
      lines.push(line({ text: `${" ".repeat(labelWidth)}${fit(reading, valueWidth)}`, tone: "good" }))
    for (const problem of row.problems)
      for (const part of wrap(`✘ ${problem}`, width - labelWidth - 1, 2))
        lines.push(line(" ".repeat(labelWidth), { text: part, tone: "bad" }))
  })
  return { lines, starts }
}

export const FormView = ({
  session,
  rows,
  options,
  width,
  height
}: {
  readonly session: FormSession
  readonly rows: ReadonlyArray<FormRow>
  /** The picker's options, when a picker is open. */
  readonly options: ReadonlyArray<PickOption>
  readonly width: number
  readonly height: number
}) => {
  const { form } = session
  const current = rows[session.field]
  const footer: Array<Line> = []
  if (session.outcome !== undefined) {
    for (const part of wrap(session.outcome.message, width - 2))
      footer.push(line({ text: part, tone: "bad", bold: true }))
    for (const problem of session.outcome.problems.slice(0, 3))
      for (const part of wrap(`- ${problem}`, width - 2, 2)) footer.push(line({ text: part, tone: "bad" }))
  }
  if (session.picker !== undefined) {
    footer.push(
      line({
        text:
          options.length === 0
            ? "Nothing in the case matches what is typed."
            : "Choose (↑ ↓, Enter; Esc: keep what is typed):",
        dim: true
      })
    )
    for (const [at, option] of options.entries())
      footer.push(
        line(
          { text: at === session.picker!.choice ? "› " : "  ", tone: "accent", bold: true },
          { text: pad(option.label, 34), bold: at === session.picker!.choice },
          { text: fit(`  ${option.id} · ${option.detail}`, width - 38), dim: true }
        )
      )
  } else if (session.reason !== undefined) {
    footer.push(
      line({
        text: "Why this change? The reason is kept with the revision (Enter saves, Esc goes back):",
        bold: true
      })
    )
    footer.push(line(`> ${session.reason}▏`))
  } else if (session.discarding === true) {
    footer.push(
      line({
        text: "Close this form without saving? What is typed will be lost. y: close, n: keep editing",
        tone: "bad",
        bold: true
      })
    )
  } else if (session.saving === true) {
    footer.push(line({ text: "Saving…", tone: "accent" }))
  } else if (current?.type === "field") {
    for (const part of wrap(current.field.help, width - 2)) footer.push(line({ text: part, dim: true }))
    const hint =
      current.field.input.type === "pick"
        ? "Enter: choose from the case"
        : current.field.input.type === "choice" || current.field.input.type === "flag"
          ? `← →: ${current.field.input.type === "flag" ? "yes / no" : current.field.input.options.join(", ")}`
          : ""
    if (hint !== "") footer.push(line({ text: fit(hint, width - 2), dim: true }))
  }
  const { lines, starts } = formLines(rows, session.field, width - 1)
  const bodyHeight = Math.max(3, height - 2 - footer.length)
  const from = useWindowStart(starts[session.field] ?? 0, bodyHeight, lines.length)
  const problems = rows.filter((row) => row.type === "field" && row.problems.length > 0).length
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end" bold>
        {form.editing === undefined
          ? `New ${titles[form.kind]}`
          : `Edit ${titles[form.kind]} ${form.editing}`}
        <Text dimColor>
          {"  "}
          {problems === 0 ? "ready to save: Ctrl-S" : `${problems} field${problems === 1 ? "" : "s"} to fix`}{" "}
          · * required · ? keys
        </Text>
      </Text>
      <LinesWindow
        lines={lines.slice(from, from + bodyHeight)}
        from={from}
        selected={undefined}
        height={bodyHeight}
      />
      <Box flexDirection="column" height={footer.length + 1}>
        <Text wrap="truncate-end" dimColor>
          {"─".repeat(Math.max(0, width - 1))}
        </Text>
        {footer.map((entry, at) => (
          <LineText key={at} line={entry} />
        ))}
      </Box>
    </Box>
  )
}

/** The help of a form. */
export const formHelpLines = (): ReadonlyArray<Line> =>
  formKeys.map((entry) => line({ text: pad(entry.keys, 20), bold: true }, entry.does))
