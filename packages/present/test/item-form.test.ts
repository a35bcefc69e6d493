import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { Claim, Observation, Statement } from "@allegiance/domain"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  addEntry,
  checkForm,
  claimKinds,
  dateReading,
  type FormState,
  formBody,
  formContext,
  formFields,
  formOfItem,
  formRows,
  newForm,
  pickOptions,
  removeEntry,
  setField
} from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success
const context = formContext(seed)

const fill = (form: FormState, values: Record<string, string>) =>
  Object.entries(values).reduce((state, [key, value]) => setField(state, key, value), form)

/** The top-level keys a form fills in: its fields, and its lists, even those with no entry yet. */
const topKeys = (form: FormState) =>
  new Set([
    ...formFields(form).map((field) => field.key.split(".")[0]),
    ...formRows(form, context).flatMap((row) => (row.type === "add" ? [row.list] : []))
  ])

describe("the fields of a form", () => {
  it("cover every field of a statement and of an observation", () => {
    expect([...topKeys(newForm("statement", context))].sort()).toEqual(Object.keys(Statement.fields).sort())
    expect([...topKeys(newForm("observation", context))].sort()).toEqual(
      Object.keys(Observation.fields).sort()
    )
  })

  it("cover every field of every kind of claim", () => {
    const members = Claim.members as unknown as ReadonlyArray<{ readonly fields: Record<string, unknown> }>
    expect(claimKinds).toHaveLength(members.length)
    for (const member of members) {
      const kind = (member.fields.kind as { readonly literal: string }).literal
      const form = setField(newForm("claim", context), "kind", kind)
      expect([...topKeys(form)].sort(), kind).toEqual(Object.keys(member.fields).sort())
    }
  })

  it("give a new item an id no item of the case has", () => {
    const taken = new Set(
      [...seed.statements, ...seed.claims, ...seed.observations].map((item) => item.id as string)
    )
    for (const kind of ["statement", "claim", "observation"] as const)
      expect(taken.has(newForm(kind, context).values.id!)).toBe(false)
  })
})

describe("checking a form", () => {
  const statement = () =>
    fill(newForm("statement", context), {
      "issuer.nameAsPrinted": "General Command of JAI",
      "issuer.actor": "jai-syria",
      observed: "18 Rabi' al-Awwal 1436",
      "cites.0.paragraph": "12"
    })

  it("passes a complete statement, whose body reads back as a statement of the case", () => {
    const check = checkForm(statement(), context)
    expect(check.fields).toEqual({})
    expect(check.item?.section).toBe("statements")
    const decoded = Schema.decodeUnknownSync(Statement)(check.item!.body)
    expect(decoded.observed.start).toBe("2015-01-09")
    expect(decoded.observed.calendar).toBe("hijri")
  })

  it("says beside each field what is missing or wrong, in the reader's words", () => {
    const check = checkForm(
      fill(newForm("statement", context), {
        "issuer.actor": "jai syria",
        observed: "18 Rabix 1436",
        "serial.number": "four",
        "cites.0.paragraph": "0"
      }),
      context
    )
    expect(check.item).toBeUndefined()
    expect(check.fields["issuer.nameAsPrinted"]).toEqual(["Required."])
    expect(check.fields["issuer.actor"]?.[0]).toMatch(/not the id of an actor in the case/)
    expect(check.fields.observed?.[0]).toMatch(/Rabix/)
    expect(check.fields.observed?.[0]).not.toMatch(/write it as an object/)
    expect(check.fields["serial.number"]).toEqual(["Expected a whole number."])
    expect(check.fields["cites.0.paragraph"]?.[0]).toMatch(/1/)
  })

  it("refuses an id another item has, and a reference to an item of the wrong kind", () => {
    const check = checkForm(fill(statement(), { id: "st-449", channel: "jai-syria" }), context)
    expect(check.fields.id?.[0]).toMatch(/Already used by the statement Statement 449/)
    expect(check.fields.channel?.[0]).toMatch(/not the id of a channel/)
  })

  it("checks a claim against the case's integrity: a reported claim must say when", () => {
    const claim = fill(newForm("claim", context), {
      kind: "pledge",
      scope: "jai-syria",
      "madeBy.source": seed.sources[0]!.id,
      pledger: "jai-syria",
      recipient: "islamic-state",
      "cites.0.paragraph": "3"
    })
    const check = checkForm(claim, context)
    expect(check.item).toBeUndefined()
    expect(Object.values(check.fields).flat().join(" ")).toMatch(/when/)
    expect(checkForm(setField(claim, "reported", "9 January 2015"), context).item?.section).toBe("claims")
  })

  it("asks for the statement or the source of a claim, not both", () => {
    const claim = fill(newForm("claim", context), {
      scope: "jai",
      pledger: "jai",
      recipient: "islamic-state",
      "cites.0.paragraph": "1"
    })
    expect(checkForm(claim, context).fields["madeBy.statement"]?.[0]).toMatch(
      /statement that makes it, or the source/
    )
    const both = fill(claim, { "madeBy.statement": "st-449", "madeBy.source": seed.sources[0]!.id })
    expect(checkForm(both, context).fields["madeBy.statement"]?.[0]).toMatch(/not both/)
  })
})

describe("editing an item of the case", () => {
  it("fills in every statement, claim and observation so that, unchanged, it saves as it was", () => {
    const encode = {
      statement: Schema.encodeSync(Statement),
      claim: Schema.encodeSync(Claim),
      observation: Schema.encodeSync(Observation)
    }
    const decode = {
      statement: Schema.decodeUnknownSync(Statement),
      claim: Schema.decodeUnknownSync(Claim),
      observation: Schema.decodeUnknownSync(Observation)
    }
    const sections = [
      ["statement", seed.statements],
      ["claim", seed.claims],
      ["observation", seed.observations]
    ] as const
    for (const [kind, items] of sections)
      for (const item of items) {
        const form = formOfItem(kind, item)
        expect(form.editing).toBe(item.id)
        const check = checkForm(form, context)
        expect(check.fields, item.id).toEqual({})
        // The same item: what it reads back as is what it was (lists left empty may be left out).
        expect(encode[kind](decode[kind](check.item?.body) as never), item.id).toEqual(
          encode[kind](item as never)
        )
      }
  })

  it("keeps a date the analyst bracketed by hand while its text is left alone", () => {
    const notice = seed.statements.find((statement) => statement.id === "st-ansarulislam-sh-notice")!
    const form = formOfItem("statement", notice)
    const body = formBody(setField(form, "title", "Another title"))
    expect(body.observed).toMatchObject({ start: "2015-01-05", end: "2015-01-08", precision: "approximate" })
  })
})

describe("lists, dates and pickers", () => {
  it("adds and removes entries, never below what the list needs", () => {
    const form = newForm("statement", context)
    const two = addEntry(fill(form, { "cites.0.paragraph": "1" }), "cites")
    const filled = fill(two, { "cites.1.paragraph": "2" })
    expect(formBody(filled).cites).toEqual([{ paragraph: 1 }, { paragraph: 2 }])
    const first = removeEntry(filled, "cites", 0)
    expect(formBody(first).cites).toEqual([{ paragraph: 2 }])
    expect(removeEntry(first, "cites", 0)).toBe(first)
  })

  it("reads dates as printed, in either calendar, and says how precise", () => {
    expect(dateReading("17 Rabi' al-Awwal 1436")).toEqual(Result.succeed("Hijri: 8 January 2015"))
    expect(dateReading("December 2014")).toEqual(
      Result.succeed("1 December 2014 to 31 December 2014 (a month)")
    )
    expect(Result.isFailure(dateReading("yesterday-ish"))).toBe(true)
  })

  it("shows a row's reading: a date's days, the item a picked id names", () => {
    const form = fill(newForm("statement", context), {
      observed: "8 January 2015",
      "issuer.actor": "jai-syria"
    })
    const rows = formRows(form, context)
    const row = (key: string) => rows.find((entry) => entry.type === "field" && entry.field.key === key)
    expect(row("observed")).toMatchObject({ reading: "8 January 2015" })
    expect(row("issuer.actor")).toMatchObject({ reading: "actor JAI Syria" })
    expect(rows.some((entry) => entry.type === "add" && entry.list === "printedDates")).toBe(true)
  })

  it("offers the case's items of the right kind, by any of their names", () => {
    expect(pickOptions(context, "actor", "جماعة").map((option) => option.id)).toEqual(["jai"])
    expect(pickOptions(context, "channel", "ansarulsham").map((option) => option.id)).toContain("ansarulsham")
    const evidence = pickOptions(context, "evidence", "449", 50).map((option) => option.id)
    expect(evidence).toContain("st-449")
    expect(evidence).toContain("cl-449-pledge")
    expect(pickOptions(context, "source", "", 3)).toHaveLength(3)
  })
})
