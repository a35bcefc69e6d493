/**
 * The API's bodies, as Effect Schemas: requests are validated with them (through
 * `Schema.toStandardSchemaV1` and `@hono/standard-validator`), and the OpenAPI document is generated
 * from them. Items are the domain's own Schemas; the envelopes around them are declared here.
 */
import { CaseInfo, isoDayChecks, statuses, subjects } from "@allegiance/domain"
import { itemStatuses, ProblemBody, type Section, sectionSchemas } from "@allegiance/service"
import { Schema } from "effect"

const Reason = Schema.NonEmptyString.annotate({
  description: "Why the change is made; recorded with the revision, beside its author (the token's label)."
})

/** Strict, as a case file is read: every problem at once, and no field the model does not know. */
export const standard = <S extends Schema.Top & Schema.Decoder<unknown>>(schema: S) =>
  Schema.toStandardSchemaV1(schema, { parseOptions: { errors: "all", onExcessProperty: "error" } })

/** Query parameters: every problem at once; parameters the API does not know are no error. */
export const standardQuery = <S extends Schema.Top & Schema.Decoder<unknown>>(schema: S) =>
  Schema.toStandardSchemaV1(schema, { parseOptions: { errors: "all", onExcessProperty: "ignore" } })

export const itemWrite = <S extends Section>(section: S) =>
  Schema.Struct({ reason: Reason, item: sectionSchemas[section] as (typeof sectionSchemas)[S] }).annotate({
    identifier: `${section[0]!.toUpperCase()}${section.slice(1)}Write`
  })

export const ReasonBody = Schema.Struct({ reason: Reason }).annotate({ identifier: "ReasonBody" })
export const CaseInfoWrite = Schema.Struct({ reason: Reason, case: CaseInfo }).annotate({
  identifier: "CaseInfoWrite"
})
export const NewCase = Schema.Struct({
  reason: Reason,
  name: Schema.optionalKey(
    Schema.String.annotate({
      description: "Store the case under this name instead of the id the file gives."
    })
  ),
  caseFile: Schema.String.annotate({ description: "The whole case file, YAML or JSON text." })
}).annotate({ identifier: "NewCase" })

export const Revision = Schema.Struct({
  caseName: Schema.String,
  number: Schema.Number,
  parent: Schema.NullOr(Schema.Number),
  author: Schema.String,
  at: Schema.String,
  reason: Schema.String,
  undoes: Schema.NullOr(Schema.Number)
}).annotate({ identifier: "Revision" })

export const RevisionSummary = Schema.Struct({
  ...Revision.fields,
  added: Schema.Number,
  changed: Schema.Number,
  removed: Schema.Number
}).annotate({ identifier: "RevisionSummary" })

export const WriteResult = Schema.Struct({
  revision: Revision,
  added: Schema.Number,
  changed: Schema.Number,
  removed: Schema.Number
}).annotate({ identifier: "WriteResult" })

export const CaseListing = Schema.Struct({
  cases: Schema.Array(Schema.Struct({ name: Schema.String, createdAt: Schema.String, head: Revision }))
}).annotate({ identifier: "CaseListing" })

export const CaseOverview = Schema.Struct({
  name: Schema.String,
  case: CaseInfo,
  revision: Revision,
  counts: Schema.Record(Schema.String, Schema.Number)
}).annotate({ identifier: "CaseOverview" })

const page = <S extends Schema.Top>(name: string, item: S) =>
  Schema.Struct({
    items: Schema.Array(item),
    next: Schema.optionalKey(
      Schema.String.annotate({ description: "The cursor of the next page; absent on the last." })
    ),
    total: Schema.Number,
    revision: Schema.Number
  }).annotate({ identifier: name })

export const itemPage = <S extends Section>(section: S) =>
  page(
    `${section[0]!.toUpperCase()}${section.slice(1)}Page`,
    sectionSchemas[section] as (typeof sectionSchemas)[S]
  )

export const itemRead = <S extends Section>(section: S) =>
  Schema.Struct({
    item: sectionSchemas[section] as (typeof sectionSchemas)[S],
    revision: Schema.Number
  }).annotate({
    identifier: `${section[0]!.toUpperCase()}${section.slice(1)}Read`
  })

export const Status = Schema.Literals(statuses)

export const Explanation = Schema.Array(
  Schema.Struct({
    rule: Schema.optionalKey(Schema.String),
    items: Schema.Array(Schema.String),
    sentence: Schema.String
  })
)

export const Verdict = Schema.Struct({
  id: Schema.String,
  subject: Schema.String,
  about: Schema.String,
  status: Status,
  confidence: Schema.Struct({ words: Schema.String, reason: Schema.String }),
  wouldSettle: Schema.Array(Schema.String),
  couldStillStand: Schema.optionalKey(Schema.Boolean),
  explanation: Explanation
}).annotate({ identifier: "Verdict" })

export const VerdictRead = Schema.Struct({
  verdict: Verdict,
  revision: Schema.Number,
  asOf: Schema.String
}).annotate({
  identifier: "VerdictRead"
})

const Badge = Schema.Struct({ symbol: Schema.String, word: Schema.String }).annotate({ identifier: "Badge" })
const JudgedItem = Schema.Struct({
  id: Schema.String,
  subject: Schema.String,
  about: Schema.String,
  status: Status,
  badge: Schema.Unknown,
  confidence: Schema.String,
  reason: Schema.String
}).annotate({ identifier: "JudgedItem" })

export const VerdictPage = Schema.Struct({
  ...page("VerdictRows", JudgedItem).fields,
  asOf: Schema.String
}).annotate({ identifier: "VerdictPage" })

const VerdictChange = Schema.Struct({
  day: Schema.String,
  id: Schema.String,
  about: Schema.String,
  from: Schema.String,
  to: Status,
  why: Schema.String
})
export const VerdictHistory = Schema.Struct({
  id: Schema.String,
  history: Schema.Array(VerdictChange),
  revision: Schema.Number,
  asOf: Schema.String
}).annotate({ identifier: "VerdictHistory" })

/** Views worked out by `@allegiance/present`: their main fields, the rest as the view gives it. */
const view = (name: string, fields: Schema.Struct.Fields) =>
  Schema.Struct({ ...fields, revision: Schema.Number, asOf: Schema.String }).annotate({ identifier: name })

export const ItemDetail = view("ItemDetail", {
  detail: Schema.Struct({
    id: Schema.String,
    kind: Schema.String,
    label: Schema.String,
    facts: Schema.Array(Schema.Struct({ name: Schema.String, value: Schema.String })),
    verdict: Schema.optionalKey(Schema.Unknown),
    sources: Schema.Array(Schema.Unknown),
    dateCheck: Schema.optionalKey(Schema.Unknown),
    links: Schema.Array(Schema.Struct({ id: Schema.String, label: Schema.String, role: Schema.String }))
  })
})

const TimelineRow = Schema.Struct({
  id: Schema.String,
  kind: Schema.Literals(["statement", "observation"]),
  label: Schema.String,
  date: Schema.Unknown,
  printed: Schema.Array(Schema.Unknown),
  channel: Schema.optionalKey(Schema.Struct({ id: Schema.String, handle: Schema.String })),
  actor: Schema.Struct({ id: Schema.String, name: Schema.String }),
  issuerAsPrinted: Schema.optionalKey(Schema.String),
  status: Schema.optionalKey(Status),
  confidence: Schema.optionalKey(Schema.String),
  badge: Badge
}).annotate({ identifier: "TimelineRow" })

export const Timeline = view("Timeline", {
  ...page("TimelineRows", TimelineRow).fields,
  around: Schema.Struct({
    previous: Schema.optionalKey(Schema.String),
    next: Schema.optionalKey(Schema.String)
  })
})

export const KeyJudgments = view("KeyJudgments", {
  judgments: Schema.Struct({
    caseId: Schema.String,
    asOf: Schema.String,
    questions: Schema.Array(Schema.Unknown),
    contested: Schema.Array(JudgedItem),
    changed: Schema.Array(Schema.Unknown),
    counts: Schema.Array(Schema.Unknown),
    leftOut: Schema.Number
  })
})

export const RelationshipRows = view("RelationshipRows", { rows: Schema.Array(Schema.Unknown) })
export const ActorRows = view("ActorRows", { rows: Schema.Array(Schema.Unknown) })
export const HypothesesMatrices = view("HypothesesMatrices", {
  matrices: Schema.Array(Schema.Unknown).annotate({
    description: "Every question's hypotheses matrix as of the day, in the order of the case's questions."
  })
})
export const HypothesesMatrix = view("HypothesesMatrix", {
  matrix: Schema.Struct({
    question: Schema.String,
    text: Schema.String,
    hypotheses: Schema.Array(Schema.Unknown),
    evidence: Schema.Array(Schema.Unknown)
  })
})

export const HypothesisList = Schema.Struct({
  items: Schema.Array(Schema.Unknown),
  revision: Schema.Number
}).annotate({ identifier: "HypothesisList" })

export const RevisionList = Schema.Struct({ revisions: Schema.Array(RevisionSummary) }).annotate({
  identifier: "RevisionList"
})
export const RevisionChanges = Schema.Struct({
  revision: Revision,
  changes: Schema.Array(
    Schema.Struct({ kind: Schema.String, id: Schema.String, before: Schema.Unknown, after: Schema.Unknown })
  )
}).annotate({ identifier: "RevisionChanges" })

export const DateCheck = Schema.Struct({
  verdict: Schema.String,
  gapDays: Schema.Number,
  explanation: Schema.String,
  matchedCalendar: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "DateCheck" })

export const VerdictEvent = Schema.Struct({
  revision: Schema.Number,
  asOf: Schema.String,
  author: Schema.String,
  reason: Schema.String,
  changes: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      subject: Schema.String,
      about: Schema.String,
      from: Schema.String,
      to: Status
    })
  )
}).annotate({
  identifier: "VerdictEvent",
  description: "One `verdicts` event of the stream; its SSE id is the revision."
})

/**
 * Query parameters, validated as bodies are (through `standardQuery`), so that the typed client knows
 * them and the OpenAPI document lists them from the same Schemas. Every value is text, as a query
 * holds it; a parameter given twice is refused. Parameters the API does not know are left alone.
 */
const parameter = (description: string) => Schema.optionalKey(Schema.String.annotate({ description }))
/** A day, as the domain reads one (it must exist), with its pattern in the document. */
const dayParameter = (description: string) =>
  Schema.optionalKey(Schema.String.annotate({ description }).check(...isoDayChecks))
const literalParameter = <const L extends ReadonlyArray<string>>(literals: L, description: string) =>
  Schema.optionalKey(Schema.Literals(literals).annotate({ description }))

/** Which state of the case a read is about. */
export const AtQuery = Schema.Struct({
  revision: Schema.optionalKey(
    Schema.String.annotate({
      description: "Read the case as it was at this revision (default: its head)."
    }).check(Schema.isPattern(/^[1-9]\d{0,14}$/u, { message: "Expected a revision number: 1, 2, ..." }))
  ),
  asOf: dayParameter("Judge with what was known by this day, YYYY-MM-DD (default: today).")
})
export const RevisionQuery = Schema.Struct({ revision: AtQuery.fields.revision })

/** A brief of the case at a revision and day, of the whole case or of one question. */
export const BriefQuery = Schema.Struct({
  ...AtQuery.fields,
  question: parameter("Brief only this question (its id): its key judgments and competing hypotheses.")
})

/** A day's views against the outline at a revision, with what changed since another day. */
export const ViewsQuery = Schema.Struct({
  revision: Schema.optionalKey(
    AtQuery.fields.revision.schema.annotate({
      description: "The revision of the outline the views go with (default: the head)."
    })
  ),
  asOf: AtQuery.fields.asOf,
  since: dayParameter("Say what changed since this day, YYYY-MM-DD.")
})

const PageFields = {
  cursor: parameter("The `next` of the previous page."),
  limit: Schema.optionalKey(
    Schema.String.annotate({ description: "At most this many rows (1-500, default 50)." }).check(
      Schema.isPattern(/^[1-9]\d{0,2}$/u, { message: "Expected a whole number from 1 to 500." })
    )
  )
}

export const ItemListQuery = Schema.Struct({
  ...AtQuery.fields,
  ...PageFields,
  kind: parameter("Only items of this kind (their `kind` field)."),
  actor: parameter("Only items that name this actor."),
  channel: parameter("Only items that name this channel."),
  status: literalParameter(itemStatuses, "Only items whose verdict has this status (or not-yet-known)."),
  from: dayParameter("Only items dated on or after this day."),
  to: dayParameter("Only items dated on or before this day."),
  text: parameter("Only items holding all these words.")
})

export const VerdictListQuery = Schema.Struct({
  ...AtQuery.fields,
  ...PageFields,
  subject: literalParameter(subjects, "Only verdicts on this kind of item."),
  status: literalParameter(statuses, "Only verdicts with this status.")
})

export const TimelineQuery = Schema.Struct({
  ...AtQuery.fields,
  ...PageFields,
  actor: parameter("Only rows of this actor."),
  channel: parameter("Only rows of this channel."),
  status: literalParameter(itemStatuses, "Only rows with this status."),
  text: parameter("Only rows holding all these words.")
})

export const EventsQuery = Schema.Struct({
  asOf: dayParameter("Judge as of this day (default: today)."),
  lastEventId: parameter(
    "Resume after this event, where a client cannot send Last-Event-ID (the header wins)."
  )
})

export const DateCheckQuery = Schema.Struct({
  hijri: Schema.String.annotate({ description: "The Hijri date as printed." }),
  gregorian: Schema.String.annotate({ description: "The Gregorian date as printed." })
})

export { ProblemBody }
