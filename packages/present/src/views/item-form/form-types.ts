/**
 * What a form of a statement, claim or observation is made of, as plain data: its fields (each with the
 * way it is typed in), its lists of entries, the text typed so far, and the rows it shows.
 *
 * A form is its typed text, field by field (`values`), never a half-built item: nothing a reader typed
 * is lost to a failed check, and the item is built from the text each time it is checked or saved.
 */
export type FormKind = "statement" | "claim" | "observation"

/** What a picker offers: items of one kind of the case. */
export type PickOf = "actor" | "channel" | "source" | "statement" | "evidence"

export type FieldInput =
  | { readonly type: "text" }
  | { readonly type: "int" }
  | { readonly type: "date" }
  | { readonly type: "pick"; readonly of: PickOf }
  | { readonly type: "choice"; readonly options: ReadonlyArray<string> }
  | { readonly type: "flag" }

/** One field of a form; `key` is its place in the item as a case file writes it (`issuer.actor`, `cites.0.paragraph`). */
export interface FieldSpec {
  readonly key: string
  readonly label: string
  readonly help: string
  readonly required: boolean
  readonly input: FieldInput
}

/** A list of a kind (printed dates, media, citations, evidence): entries of one or more fields. */
export interface ListSpec {
  readonly list: string
  /** What one entry is called: "printed date", "citation". */
  readonly noun: string
  readonly min: number
  /** The fields of one entry, keys relative to it; a key of "" is an entry that is one value. */
  readonly entry: ReadonlyArray<FieldSpec>
}

export type Part = { readonly field: FieldSpec } | { readonly list: ListSpec }

export interface FormState {
  readonly kind: FormKind
  /** The id of the item being edited; none for a new item. */
  readonly editing?: string
  /** The text typed in each field, by key. */
  readonly values: Readonly<Record<string, string>>
  /** How many entries each list has. */
  readonly entries: Readonly<Record<string, number>>
  /**
   * Dates the item had as objects (text with an interval the analyst settled on), by key: kept as
   * they are while their text is left alone, so that editing another field does not lose them.
   */
  readonly keptDates?: Readonly<Record<string, unknown>>
}

/** A row of the form as shown: a field with its text, how it reads and what is wrong; or a way to add an entry. */
export type FormRow =
  | {
      readonly type: "field"
      readonly field: FieldSpec
      readonly value: string
      /** How the text reads: a date's days, the item a picker's id names. */
      readonly reading?: string
      readonly problems: ReadonlyArray<string>
      /** The id of an item being edited cannot change. */
      readonly locked: boolean
      /** The list and entry the field belongs to, when it does. */
      readonly entry?: { readonly list: string; readonly index: number }
    }
  | { readonly type: "add"; readonly list: string; readonly label: string }
