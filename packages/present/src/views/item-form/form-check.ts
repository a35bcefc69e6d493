/**
 * What is wrong with a form, field by field, checked as a case file's item is: dates read in the
 * reader's words, pickers' ids against the case, the model's own Schema, the id's uniqueness, and the
 * case's integrity rules on the item and what it names.
 */
import {
  type CaseFile,
  caseFileOfCheckedParts,
  checkIntegrity,
  type ItemSection,
  Observation,
  Statement
} from "@allegiance/domain"
import { Result, Schema, SchemaIssue } from "effect"
import { claimKinds, claimMembers } from "./claim-fields.ts"
import { dateReading } from "./date-reading.ts"
import { formBody } from "./form-body.ts"
import type { FormContext } from "./form-context.ts"
import { formFields } from "./form-parts.ts"
import type { FormKind, FormState } from "./form-types.ts"
import { pickNouns, pickSections } from "./pickers.ts"

/** What is wrong with a form, by field key, and what belongs to no one field. */
export interface FormCheck {
  readonly fields: Readonly<Record<string, ReadonlyArray<string>>>
  readonly general: ReadonlyArray<string>
  /** The item, as a case file writes it, when nothing is wrong (and nothing it names is still to fetch). */
  readonly item?: { readonly section: ItemSection; readonly id: string; readonly body: unknown }
  /**
   * The statements, claims and observations the form names that are not at hand: the check of what it
   * names is complete once they are (see `withEvidence`).
   */
  readonly pending?: ReadonlyArray<string>
}

const strict = { errors: "all", onExcessProperty: "error" } as const
const decoders = {
  statement: Schema.decodeUnknownResult(Statement as unknown as Schema.Codec<unknown, unknown>, strict),
  observation: Schema.decodeUnknownResult(Observation as unknown as Schema.Codec<unknown, unknown>, strict)
}
const claimDecoders = new Map(
  [...claimMembers].map(([kind, member]) => [
    kind,
    Schema.decodeUnknownResult(member as unknown as Schema.Codec<unknown, unknown>, strict)
  ])
)
const issueMessages = SchemaIssue.makeFormatterStandardSchemaV1()
const sectionOf: Record<FormKind, ItemSection> = {
  statement: "statements",
  claim: "claims",
  observation: "observations"
}

/** Schema's generic wording, in a form's terms. */
const analystMessage = (message: string) =>
  message
    .replace(/^Missing key$/, "Required.")
    .replace(/^Expected no excess property$/, "Not a field of this kind.")
    .replace(/^Expected (an integer|number)\b.*$/, "Expected a whole number.")

export const checkForm = (state: FormState, context: FormContext): FormCheck => {
  const fields: Record<string, Array<string>> = {}
  const general: Array<string> = []
  const keys = formFields(state).map((field) => field.key)
  /** The field a problem at `path` belongs to: that field, or the first field inside it. */
  const fieldAt = (path: string) =>
    keys.find((key) => key === path) ??
    keys.find((key) => key.startsWith(`${path}.`)) ??
    (path.startsWith("madeBy") ? "madeBy.statement" : undefined)
  const report = (path: string, message: string) => {
    const key = fieldAt(path)
    if (key === undefined) general.push(path === "" ? message : `${path}: ${message}`)
    // One problem a field: the first found is the most specific (a date's reading before the Schema's
    // echo of it, an unknown id before the pattern ids follow).
    else if (fields[key] === undefined) fields[key] = [message]
  }
  const body = formBody(state)
  // Date fields are read here first, to say what is wrong with the text in the reader's words.
  for (const field of formFields(state))
    if (field.input.type === "date" && (state.values[field.key] ?? "").trim() !== "") {
      const kept = state.keptDates?.[field.key] as { readonly text?: string } | undefined
      if (kept?.text === state.values[field.key]?.trim()) continue
      const reading = dateReading(state.values[field.key]!)
      if (Result.isFailure(reading)) report(field.key, reading.failure)
    }
  // A picker's text that names no item of the right kind: say so, rather than the pattern ids follow.
  for (const field of formFields(state)) {
    if (field.input.type !== "pick") continue
    const typed = (state.values[field.key] ?? "").trim()
    if (typed === "") continue
    const at = context.names.sectionOf(typed)
    if (at === undefined || !pickSections[field.input.of].includes(at))
      report(
        field.key,
        `"${typed}" is not the id of ${pickNouns[field.input.of]} in the case: choose one from the case's list.`
      )
  }
  if (state.kind === "claim" && body.madeBy === undefined)
    report("madeBy.statement", "Give the statement that makes it, or the source that reports it.")
  if (
    state.kind === "claim" &&
    typeof body.madeBy === "object" &&
    body.madeBy !== null &&
    Object.keys(body.madeBy).length > 1
  )
    report("madeBy.statement", "Give the statement or the source, not both.")
  const decode = state.kind === "claim" ? claimDecoders.get(String(body.kind ?? "")) : decoders[state.kind]
  if (decode === undefined) {
    report("kind", `Choose one of: ${claimKinds.join(", ")}.`)
    return { fields, general }
  }
  const decoded = decode(body)
  if (Result.isFailure(decoded)) {
    for (const issue of issueMessages(decoded.failure.issue).issues) {
      const path = (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join(".")
      report(path, analystMessage(issue.message))
    }
    return { fields, general }
  }
  // The id is new, or the one of the item edited.
  const id = String(body.id)
  const holder = context.names.sectionOf(id)
  if (state.editing === undefined && holder !== undefined)
    report("id", `Already used by the ${holder.slice(0, -1)} ${context.names.of(id)}; choose another id.`)
  // The rest of the case's integrity: references name items of the right kind, intervals run forwards.
  const section = sectionOf[state.kind]
  const mini = miniCase(context, section, decoded.success as { readonly id: string }, body)
  for (const problem of checkIntegrity(mini.caseFile)) {
    const [problemSection, , ...rest] = problem.path
    if (problemSection !== section || !miniIndexOf(problem.path)) continue
    const path = rest.map(String).join(".")
    // What a field names that is not at hand yet is judged once it is.
    if (mini.pending.has(String(atPath(body, rest) ?? ""))) continue
    report(path, problem.message)
  }
  const pending = mini.pending.size === 0 ? {} : { pending: [...mini.pending] }
  if (Object.keys(fields).length > 0 || general.length > 0 || mini.pending.size > 0)
    return { fields, general, ...pending }
  return { fields, general, item: { section, id, body } }
}

/** The value at a path of an item's body. */
const atPath = (body: unknown, path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>(
    (value, step) =>
      typeof value === "object" && value !== null ? (value as Record<string, unknown>)[step] : undefined,
    body
  )

/** Whether a problem path points at the form's item, which a mini case holds last in its section. */
const miniIndexOf = (path: ReadonlyArray<string | number>) => path[1] === 0

/**
 * The case the item's integrity is checked in: the actors, channels and sources of the case, the item,
 * and the statements, claims and observations it names (those not at hand are `pending`). Checking the
 * whole of a 100,000-statement case at every keystroke would take longer than the keystroke; the store
 * checks what the item touches on saving.
 */
const miniCase = (
  context: FormContext,
  section: ItemSection,
  item: { readonly id: string },
  body: Record<string, unknown>
): { readonly caseFile: CaseFile; readonly pending: ReadonlySet<string> } => {
  const named = new Set<string>()
  const walk = (value: unknown) => {
    if (typeof value === "string") named.add(value)
    else if (Array.isArray(value)) for (const entry of value) walk(entry)
    else if (typeof value === "object" && value !== null)
      for (const entry of Object.values(value)) walk(entry)
  }
  walk(body)
  const pending = new Set<string>()
  const evidence = {
    statements: [] as Array<unknown>,
    claims: [] as Array<unknown>,
    observations: [] as Array<unknown>
  }
  for (const id of named) {
    const at = context.names.sectionOf(id)
    if (at === undefined || id === item.id) continue
    if (at !== "statements" && at !== "claims" && at !== "observations") continue
    const found = context.evidence(id)
    if (found === undefined) pending.add(id)
    else evidence[at].push(found)
  }
  const withItem = (name: "statements" | "claims" | "observations") =>
    (section === name ? [item, ...evidence[name]] : evidence[name]) as never
  const caseFile = caseFileOfCheckedParts({
    case: context.case,
    actors: context.actors,
    channels: context.channels,
    sources: context.sources,
    statements: withItem("statements"),
    claims: withItem("claims"),
    observations: withItem("observations"),
    relationships: [],
    questions: []
  })
  return { caseFile, pending }
}
