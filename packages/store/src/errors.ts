/**
 * The one error type of the store. Its `reason` says what went wrong in words an
 * analyst can act on; the CLI and the API print `message` as it is.
 */
import { Schema } from "effect"

/** Someone else saved the case after the revision a write was based on. */
export class Conflict extends Schema.TaggedClass<Conflict>()("Conflict", {
  caseName: Schema.String,
  basedOn: Schema.Number,
  head: Schema.Number,
  headAuthor: Schema.String,
  headAt: Schema.String,
  headReason: Schema.String
}) {
  get message(): string {
    return (
      `Case "${this.caseName}" has changed since the revision your change was based on: ` +
      `your change was based on revision ${this.basedOn}, but the store now holds revision ${this.head} ` +
      `(saved by ${this.headAuthor} at ${this.headAt}: "${this.headReason}"). Nothing was saved. ` +
      `Load the case again, re-apply your change and save it.`
    )
  }
}

export class CaseNotFound extends Schema.TaggedClass<CaseNotFound>()("CaseNotFound", {
  caseName: Schema.String,
  known: Schema.Array(Schema.String)
}) {
  get message(): string {
    const known =
      this.known.length === 0 ? "the store holds no cases yet" : `known cases: ${this.known.join(", ")}`
    return `There is no case named "${this.caseName}" in the store (${known}).`
  }
}

export class CaseExists extends Schema.TaggedClass<CaseExists>()("CaseExists", {
  caseName: Schema.String
}) {
  get message(): string {
    return (
      `A case named "${this.caseName}" is already in the store. ` +
      `Import it under another name, or save the file as a new revision of that case.`
    )
  }
}

export class RevisionNotFound extends Schema.TaggedClass<RevisionNotFound>()("RevisionNotFound", {
  caseName: Schema.String,
  head: Schema.Number,
  /** The revision asked for, when one was. */
  revision: Schema.optionalKey(Schema.Number),
  /** The moment asked for, and when the case's first revision was saved, when a moment was. */
  asOf: Schema.optionalKey(Schema.String),
  firstAt: Schema.optionalKey(Schema.String)
}) {
  get message(): string {
    if (this.asOf !== undefined) {
      return `Case "${this.caseName}" was not in the store yet at ${this.asOf}: its first revision was saved at ${this.firstAt}.`
    }
    return `Case "${this.caseName}" has no revision ${this.revision}: its revisions run from 1 to ${this.head}.`
  }
}

/** A write that makes no sense against the case as it stands. */
export class InvalidChange extends Schema.TaggedClass<InvalidChange>()("InvalidChange", {
  caseName: Schema.String,
  problems: Schema.Array(Schema.String)
}) {
  get message(): string {
    const problems = this.problems.join("; ")
    return `The change to case "${this.caseName}" was refused, and nothing was saved: ${problems}${problems.endsWith(".") ? "" : "."}`
  }
}

/** A case file that cannot be imported; `problems` are located lines ready to print. */
export class InvalidCaseFile extends Schema.TaggedClass<InvalidCaseFile>()("InvalidCaseFile", {
  file: Schema.String,
  problems: Schema.Array(Schema.String)
}) {
  get message(): string {
    const count = this.problems.length === 1 ? "1 problem" : `${this.problems.length} problems`
    return `${this.file} has ${count}, so nothing was imported:\n${this.problems.map((p) => `  ${p}`).join("\n")}`
  }
}

/** The store was written by a later Allegiance whose layout this one does not know. */
export class NewerStore extends Schema.TaggedClass<NewerStore>()("NewerStore", {
  location: Schema.String,
  storeVersion: Schema.Number,
  supportedVersion: Schema.Number
}) {
  get message(): string {
    return (
      `The store at ${this.location} was written by a newer version of Allegiance ` +
      `(store layout ${this.storeVersion}; this version understands up to ${this.supportedVersion}). ` +
      `It was left untouched. Upgrade Allegiance to use it, or choose another store with --db.`
    )
  }
}

export class Corrupt extends Schema.TaggedClass<Corrupt>()("Corrupt", {
  location: Schema.String,
  details: Schema.String
}) {
  get message(): string {
    const advice = "It was left untouched: restore it from a backup, or choose another store with --db."
    // A list of what is wrong reads best a line each.
    return this.details.includes("\n")
      ? `The store at ${this.location} is damaged or is not an Allegiance store: ${this.details}\n${advice}`
      : `The store at ${this.location} is damaged or is not an Allegiance store (${this.details}). ${advice}`
  }
}

/** The database could not be reached or refused the operation for a reason of its own. */
export class Unavailable extends Schema.TaggedClass<Unavailable>()("Unavailable", {
  location: Schema.String,
  operation: Schema.String,
  details: Schema.String
}) {
  get message(): string {
    return `The store at ${this.location} could not ${this.operation}: ${this.details}.`
  }
}

export const StoreErrorReason = Schema.Union([
  Conflict,
  CaseNotFound,
  CaseExists,
  RevisionNotFound,
  InvalidChange,
  InvalidCaseFile,
  NewerStore,
  Corrupt,
  Unavailable
])
export type StoreErrorReason = typeof StoreErrorReason.Type

export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  reason: StoreErrorReason
}) {
  override get message(): string {
    return this.reason.message
  }
}

/** Wraps a reason, so that `yield* storeError(new Conflict(...))` fails with a `StoreError`. */
export const storeError = (reason: StoreErrorReason): StoreError => new StoreError({ reason })
