/** The fields of an observation: every field of the model. */
import { ObservationKind } from "@allegiance/domain"
import { choice, citations, credibility, date, idField, pick, text } from "./field-specs.ts"
import type { Part } from "./form-types.ts"

export const observationParts: ReadonlyArray<Part> = [
  { field: idField },
  {
    field: choice(
      "kind",
      "Kind",
      ObservationKind.literals,
      "activity (seen at work), release (a release was seen), absence (an expected release did not come).",
      true
    )
  },
  {
    field: text(
      "label",
      "Short name",
      'The name a writer would use for it in a sentence: "the August 2014 Shura statement".'
    )
  },
  { field: pick("actor", "Actor", "actor", "The actor it is about.", true) },
  { field: pick("source", "Source", "source", "Who saw it.", true) },
  { field: pick("channel", "Channel", "channel", "The channel it was seen on, if any.") },
  {
    field: pick(
      "under",
      "Under the banner of",
      "actor",
      "The actor under whose banner it took place, when not the actor's own."
    )
  },
  {
    field: date(
      "date",
      "Date",
      "When it happened; for an absence, the period the release was expected in.",
      true
    )
  },
  {
    field: date("known", "Known", "When it could first be known (an absence: once the window had passed).")
  },
  { field: text("description", "What was seen", "What was seen, in a sentence.", true) },
  { field: text("expected", "Expected", "For an absence: what was expected, and why.") },
  {
    field: pick(
      "carriedBy",
      "Carried by",
      "evidence",
      "The statement or release that carries it, when in the case."
    )
  },
  { field: credibility },
  { list: citations }
]
