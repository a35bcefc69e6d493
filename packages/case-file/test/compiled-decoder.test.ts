/**
 * The decoders compiled from the model's Schemas must decode exactly as Schema does: the same values,
 * built alike (classes, field order, defaults), for every kind of item, and the same answer (decodes
 * or not) for any input, however it is spoilt.
 */
import { generateCaseInput } from "@allegiance/case-generator"
import { DateField } from "@allegiance/domain/model/date-field"
import {
  Actor,
  CaseInfo,
  Channel,
  Claim,
  Observation,
  Question,
  Relationship,
  Source,
  Statement
} from "@allegiance/domain/model/index"
import { Effect, Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { modelTransformations } from "../src/case-content.ts"
import { compiledDecoder, invalid, settleReuse } from "../src/compiled-decoder.ts"

const strict = { strict: true, transformations: modelTransformations }
const lenient = { strict: false, transformations: modelTransformations }
/** As strict, on inputs the decoder may make its own (JSON.parse's, as the JSON reader gives it). */
const reusing = { ...strict, reuse: true }

/**
 * A value as a tree that says each object's class and its fields in order, so that two values compare
 * equal only when they are built alike, not merely when they hold the same.
 */
const shape = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(shape)
  if (typeof value !== "object" || value === null) return value
  return {
    class: (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name,
    fields: Object.entries(value).map(([key, field]) => [key, shape(field)])
  }
}

/** Schema's own answer, and the compiled decoder's, for one input. */
const both = (schema: Schema.Top, options: typeof strict, input: unknown) => {
  const bySchema = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>, {
    onExcessProperty: options.strict ? "error" : "ignore"
  })(input)
  const compiled = compiledDecoder(schema, options)(input)
  return { bySchema: Result.isSuccess(bySchema) ? bySchema.success : invalid, compiled }
}

const expectAlike = (schema: Schema.Top, options: typeof strict, input: unknown) => {
  const { bySchema, compiled } = both(schema, options, input)
  expect(compiled === invalid, JSON.stringify(input)).toBe(bySchema === invalid)
  if (bySchema !== invalid) {
    expect(compiled).toStrictEqual(bySchema)
    expect(shape(compiled)).toEqual(shape(bySchema))
  }
}

const sections = {
  actors: Actor,
  channels: Channel,
  sources: Source,
  statements: Statement,
  claims: Claim,
  observations: Observation,
  relationships: Relationship,
  questions: Question
} as const

const input = JSON.parse(JSON.stringify(generateCaseInput({ statements: 400, seed: 3 }))) as Record<
  string,
  Array<unknown>
>

/** Changes to one place of a JSON value, of the kinds a hand-written file gets wrong. */
const spoil = (value: unknown, choice: number, replacement: unknown): unknown => {
  const places: Array<{ parent: Record<string | number, unknown>; key: string | number }> = []
  const visit = (node: unknown) => {
    if (typeof node !== "object" || node === null) return
    for (const key of Object.keys(node)) {
      const at = Array.isArray(node) ? Number(key) : key
      places.push({ parent: node as Record<string | number, unknown>, key: at })
      visit((node as Record<string, unknown>)[key])
    }
  }
  const copy = structuredClone(value)
  visit(copy)
  if (places.length === 0) return replacement
  const { parent, key } = places[choice % places.length]!
  switch (Math.floor(choice / places.length) % 4) {
    case 0:
      parent[key] = replacement
      break
    case 1:
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
      break
    case 2:
      if (!Array.isArray(parent)) parent[`${String(key)}x`] = replacement
      else parent.push(replacement)
      break
    default:
      if (typeof parent[key] === "string") parent[key] = `${parent[key] as string}-13-45`
      else parent[key] = Array.isArray(parent[key]) ? [] : replacement
  }
  return copy
}

const replacements = fc.oneof(
  fc.constantFrom(
    "",
    "2015-13-45",
    "2015-02-29",
    "30 Rabi al-Awal 1436",
    "Not An Id",
    "pledge",
    0,
    1.5,
    -3,
    2015,
    true,
    null,
    [],
    {}
  ),
  fc.jsonValue({ maxDepth: 2 })
)

describe("decoders compiled from the model's Schemas", () => {
  it("decode every item of a generated case, of every kind, exactly as Schema does", () => {
    for (const [section, schema] of Object.entries(sections))
      for (const item of input[section] ?? []) {
        expectAlike(schema, strict, item)
        expectAlike(schema, lenient, item)
      }
    expectAlike(CaseInfo, strict, input.case)
  })

  it("give Schema's answer for items spoilt in any one place, strictly or not", () => {
    const items = Object.entries(sections).flatMap(([section, schema]) =>
      (input[section] ?? []).slice(0, 40).map((item) => [schema, item] as const)
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: items.length - 1 }),
        fc.nat(),
        replacements,
        fc.boolean(),
        (at, choice, replacement, isStrict) => {
          const [schema, item] = items[at]!
          expectAlike(schema, isStrict ? strict : lenient, spoil(item, choice, replacement))
        }
      ),
      { numRuns: 600, seed: 18 }
    )
  })

  it("reusing their input, decode as Schema does, and leave an input that does not decode as it was", () => {
    const items = Object.entries(sections).flatMap(([section, schema]) =>
      (input[section] ?? []).slice(0, 40).map((item) => [schema, item] as const)
    )
    const decodeOwn = (schema: Schema.Top, owned: unknown) => {
      const decoded = compiledDecoder(schema, reusing)(owned)
      settleReuse()
      return decoded
    }
    const expectReusedAlike = (schema: Schema.Top, item: unknown) => {
      const owned = structuredClone(item)
      const decoded = decodeOwn(schema, owned)
      const bySchema = both(schema, strict, item).bySchema
      expect(decoded === invalid, JSON.stringify(item)).toBe(bySchema === invalid)
      if (decoded === invalid) {
        // Schema, asked why, must see what was written: no field or prototype changed.
        expect(shape(owned)).toEqual(shape(item))
        expect(owned).toStrictEqual(item)
      } else {
        expect(decoded).toStrictEqual(bySchema)
        expect(shape(decoded)).toEqual(shape(bySchema))
      }
    }
    for (const [section, schema] of Object.entries(sections))
      for (const item of (input[section] ?? []).slice(0, 200)) expectReusedAlike(schema, item)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: items.length - 1 }),
        fc.nat(),
        replacements,
        (at, choice, replacement) => {
          const [schema, item] = items[at]!
          expectReusedAlike(schema, spoil(item, choice, replacement))
        }
      ),
      { numRuns: 600, seed: 18 }
    )
  })

  it("follow a field or a kind added to the model without being told", () => {
    // What another model might declare: a statement with fields of every sort more, and a claim kind.
    const Extended = Schema.Struct({
      ...Statement.fields,
      verified: DateField.pipe(Schema.optionalKey),
      signers: Schema.Array(Schema.NonEmptyString).pipe(
        Schema.withDecodingDefaultKey(Effect.succeed(["unknown"]))
      ),
      weight: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 5 })), Schema.optionalKey)
    })
    for (const item of (input.statements ?? []).slice(0, 50)) {
      const record = item as Record<string, unknown>
      expectAlike(Extended, strict, record)
      expectAlike(Extended, strict, { ...record, verified: "9 January 2015", weight: 3 })
      expectAlike(Extended, strict, { ...record, weight: 9 })
      expectAlike(Extended, strict, { ...record, signers: ["a", ""] })
      expectAlike(Extended, strict, { ...record, verified: "31 February 2015" })
    }
  })
})
