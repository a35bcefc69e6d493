/**
 * The fields of a claim: those every kind of claim has, then the kind's own (read off the kind's Schema,
 * so that a kind added to the model gets its fields), then the tail every kind shares.
 */
import { Claim } from "@allegiance/domain"
import type { Schema } from "effect"
import { choice, citations, credibility, date, idField, pick, text } from "./field-specs.ts"
import type { FieldInput, Part } from "./form-types.ts"

/** The members of the claim union, by kind. */
export const claimMembers = new Map<string, Schema.Struct<Schema.Struct.Fields>>(
  (Claim.members as unknown as ReadonlyArray<Schema.Struct<Schema.Struct.Fields>>).map((member) => [
    (member.fields.kind as unknown as { readonly literal: string }).literal,
    member
  ])
)
export const claimKinds: ReadonlyArray<string> = [...claimMembers.keys()]

export const claimCommonParts: ReadonlyArray<Part> = [
  { field: choice("kind", "Kind", claimKinds, "What the claim says: pledge, denial, disowning...", true) },
  { field: idField },
  {
    field: text(
      "label",
      "Short name",
      'The name a writer would use for it in a sentence: "the August 2014 Shura statement".'
    )
  },
  {
    field: pick("scope", "About", "actor", "The actor the claim is about (a branch is not its parent).", true)
  },
  {
    field: pick(
      "madeBy.statement",
      "Made by statement",
      "statement",
      "The statement whose content it is; or else the source below."
    )
  },
  {
    field: pick(
      "madeBy.source",
      "Reported by source",
      "source",
      "The source that reports it; or else the statement above."
    )
  },
  {
    field: date(
      "reported",
      "Reported",
      "When it was made or reported (a statement's claim defaults to its date)."
    )
  },
  { field: date("occurred", "Occurred", "When the claimed event happened, when the claim dates it.") },
  {
    field: pick(
      "attributedTo",
      "Attributed to",
      "actor",
      "Whose words the source reports, when someone else's."
    )
  }
]
export const claimTailParts: ReadonlyArray<Part> = [
  {
    list: {
      list: "restsOn",
      noun: "item of evidence it rests on",
      min: 0,
      entry: [pick("", "Rests on", "evidence", "Evidence the claim says it rests on.")]
    }
  },
  { field: credibility },
  { field: text("summary", "Summary", "The claim in a sentence.") },
  { list: citations }
]
const commonClaimKeys = new Set([
  "kind",
  "id",
  "scope",
  "madeBy",
  "reported",
  "occurred",
  "attributedTo",
  "restsOn",
  "credibility",
  "summary",
  "label",
  "cites"
])

/** How a kind's own field is typed in, by its name; a field not listed here is plain text. */
const claimFieldInputs: Record<string, { readonly input: FieldInput; readonly help: string }> = {
  pledger: { input: { type: "pick", of: "actor" }, help: "Who pledges." },
  recipient: { input: { type: "pick", of: "actor" }, help: "To whom." },
  actor: { input: { type: "pick", of: "actor" }, help: "The actor concerned." },
  absorbed: { input: { type: "pick", of: "actor" }, help: "The actor absorbed." },
  into: { input: { type: "pick", of: "actor" }, help: "The actor it merged into." },
  with: { input: { type: "pick", of: "actor" }, help: "The other actor." },
  protected: { input: { type: "pick", of: "actor" }, help: "The actor protected." },
  protector: { input: { type: "pick", of: "actor" }, help: "The actor protecting it." },
  member: { input: { type: "pick", of: "actor" }, help: "The member." },
  of: { input: { type: "pick", of: "actor" }, help: "What it is a member of." },
  to: { input: { type: "pick", of: "actor" }, help: "To whom some members gave allegiance." },
  channel: { input: { type: "pick", of: "channel" }, help: "The channel concerned." },
  target: { input: { type: "pick", of: "evidence" }, help: "The statement or claim denied or confirmed." },
  backs: { input: { type: "pick", of: "evidence" }, help: "The statement the majority backs." },
  about: {
    input: { type: "pick", of: "evidence" },
    help: "The decision or statement only part stands behind."
  },
  since: { input: { type: "date" }, help: "From when: 1 January 2015." },
  at: { input: { type: "date" }, help: "When: 1 January 2015." },
  afterSerial: { input: { type: "int" }, help: "Statements after this serial number are disowned." },
  serial: { input: { type: "int" }, help: "The serial number declared the last." },
  low: { input: { type: "int" }, help: "The estimate's lower bound." },
  high: { input: { type: "int" }, help: "The estimate's upper bound." },
  otherChannels: { input: { type: "flag" }, help: "Whether statements on other channels are disowned too." },
  front: { input: { type: "text" }, help: "The front they cooperate on." },
  part: { input: { type: "text" }, help: "The part that stands behind it: some commanders, a council." },
  who: { input: { type: "text" }, help: "Who among the members." },
  estimate: { input: { type: "text" }, help: 'The estimate as given: "hundreds".' },
  umbrella: { input: { type: "pick", of: "actor" }, help: "The umbrella or coalition it joined." },
  event: { input: { type: "text" }, help: 'What it claims: "the attack on the checkpoint".' },
  place: { input: { type: "text" }, help: "Where, when it says." },
  as: { input: { type: "text" }, help: 'The name it is given: "Province of the North".' },
  confirms: {
    input: { type: "choice", options: ["authorship", "content"] },
    help: "authorship (the earlier statement was its own) or content (what it says holds)."
  },
  channels: { input: { type: "pick", of: "channel" }, help: "An official channel." }
}

const words = (key: string) =>
  key
    .replace(/([A-Z])/g, " $1")
    .replace(/^./, (first) => first.toUpperCase())
    .toLowerCase()

const isOptionalField = (schema: Schema.Top) =>
  (schema.ast as { readonly context?: { readonly isOptional?: boolean } }).context?.isOptional === true ||
  // Fields with a decoding default (a flag) may be left out too.
  (schema.ast as { readonly context?: { readonly defaultValue?: unknown } }).context?.defaultValue !==
    undefined

export const claimKindParts = (kind: string): ReadonlyArray<Part> => {
  const member = claimMembers.get(kind)
  if (member === undefined) return []
  const parts: Array<Part> = []
  for (const [key, schema] of Object.entries(member.fields)) {
    if (commonClaimKeys.has(key)) continue
    const known = claimFieldInputs[key] ?? { input: { type: "text" } as const, help: "" }
    // A field holding a list of ids (official channels) is typed in as a list of entries.
    if ((schema as Schema.Top).ast._tag === "Arrays") {
      const label = words(key).replace(/^./, (first) => first.toUpperCase())
      parts.push({
        list: {
          list: key,
          noun: words(key).replace(/s$/, ""),
          min: isOptionalField(schema as Schema.Top) ? 0 : 1,
          entry: [{ key: "", label, help: known.help, required: true, input: known.input }]
        }
      })
      continue
    }
    parts.push({
      field: {
        key,
        label: words(key).replace(/^./, (first) => first.toUpperCase()),
        help: known.help,
        required: !isOptionalField(schema as Schema.Top) && known.input.type !== "flag",
        input: known.input
      }
    })
  }
  return parts
}
