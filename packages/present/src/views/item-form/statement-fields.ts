/** The fields of a statement: every field of the model, in the order a reader fills them in. */
import { MediaKind } from "@allegiance/domain"
import { choice, citations, date, flag, idField, int, pick, text } from "./field-specs.ts"
import type { Part } from "./form-types.ts"

export const statementParts: ReadonlyArray<Part> = [
  { field: idField },
  { field: text("title", "Title", "Its title, when it has one.") },
  {
    field: text(
      "label",
      "Short name",
      'The name a writer would use for it in a sentence: "the August 2014 Shura statement".'
    )
  },
  { field: text("serial.text", "Serial", 'The serial as printed, e.g. "Statement 12".') },
  { field: int("serial.number", "Serial number", "The serial's number, when it has one, e.g. 12.") },
  {
    field: text(
      "issuer.nameAsPrinted",
      "Issuer as printed",
      'The issuer it names, verbatim: "Leadership of JAI in Bilad al-Sham".',
      true
    )
  },
  { field: pick("issuer.actor", "Issued for", "actor", "The actor that name stands for.", true) },
  {
    field: pick(
      "issuer.signedBy",
      "Signed by",
      "actor",
      "The part of the actor that signed (a council, a leadership), when not the whole."
    )
  },
  {
    list: {
      list: "signers",
      noun: "signer",
      min: 0,
      entry: [
        pick(
          "",
          "Signed as",
          "actor",
          "Who it says it is from, when not the issuer: hackers under their own banner, a joint statement."
        )
      ]
    }
  },
  { field: pick("channel", "Channel", "channel", "The channel it appeared on; empty when not known.") },
  {
    list: {
      list: "relayedBy",
      noun: "relay",
      min: 0,
      entry: [pick("", "Relayed by", "channel", "An agency or channel that republished it.")]
    }
  },
  {
    list: {
      list: "printedDates",
      noun: "printed date",
      min: 0,
      entry: [
        date("", "Printed date", "A date printed on it, verbatim, in its calendar: 17 Rabi' al-Awwal 1436.")
      ]
    }
  },
  {
    field: date(
      "observed",
      "Appeared",
      "When it appeared, as best known: 8 January 2015. What the as-of day goes by.",
      true
    )
  },
  { field: text("language", "Language", "The language it is in: ar, en.") },
  { field: text("excerpt", "Excerpt", "A short verbatim excerpt.") },
  {
    list: {
      list: "media",
      noun: "media item",
      min: 0,
      entry: [
        choice("kind", "Media kind", MediaKind.literals, "photo, video, audio or document.", true),
        text("description", "Shows", "What it shows that bears on the case.", true),
        flag(
          "showsBannerAndMembers",
          "Banner and members",
          "Whether it shows the actor's banner with members: dated evidence of activity."
        )
      ]
    }
  },
  {
    field: text(
      "unconfirmed",
      "Unconfirmed",
      "Why its authenticity cannot be confirmed, when it cannot: it then counts for nothing until confirmed."
    )
  },
  { list: citations }
]
