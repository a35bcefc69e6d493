/**
 * The bodies of the routes a client that draws a case's lists reads (`routes/outline.ts`): their main
 * fields, the rest as `@allegiance/present` gives it.
 */
import { Schema } from "effect"
import { Revision } from "./contract.ts"

const Strings = Schema.Array(Schema.String)
const Numbers = Schema.Array(Schema.Number)

export const CaseOutlineRead = Schema.Struct({
  outline: Schema.Struct({
    case: Schema.Struct({ id: Schema.String, title: Schema.String }),
    counts: Schema.Record(Schema.String, Schema.Number),
    names: Schema.Struct({
      ids: Strings,
      sections: Schema.String.annotate({
        description: "One letter per item: a actor, c channel, s source, S statement, C claim, O observation."
      }),
      labels: Strings,
      details: Strings
    }).annotate({ description: "Every item a list or a picker names, in the case's order." }),
    timeline: Schema.Struct({
      items: Numbers,
      dates: Schema.Array(Schema.Unknown),
      date: Numbers,
      printedFrom: Numbers,
      printed: Numbers,
      channel: Numbers,
      actor: Numbers,
      issuer: Strings
    }).annotate({
      description:
        "Statements and observations in date order, place by place; numbers index `names` or `dates`."
    }),
    parts: Schema.Struct({
      case: Schema.Unknown,
      actors: Schema.Array(Schema.Unknown),
      channels: Schema.Array(Schema.Unknown),
      sources: Schema.Array(Schema.Unknown)
    }).annotate({
      description: "The case's own section, actors, channels and sources, as a case file writes them."
    })
  }),
  revision: Revision
}).annotate({ identifier: "CaseOutlineRead" })

export const AsOfViewsRead = Schema.Struct({
  view: Schema.Struct({
    asOf: Schema.String,
    judgments: Schema.Unknown,
    totals: Schema.Struct({ contested: Schema.Number, changed: Schema.Number }),
    timeline: Schema.Struct({
      statuses: Schema.String.annotate({
        description: "One letter per place of the outline's timeline: E, R, C, U, or - (not yet known)."
      }),
      confidences: Schema.String.annotate({
        description: "One letter per place: a for the first word of the estimative scale, b the next...; -."
      })
    }),
    changed: Numbers.annotate({ description: "The places whose verdict changed since the day `since`." })
  }),
  revision: Schema.Number,
  asOf: Schema.String
}).annotate({ identifier: "AsOfViewsRead" })
