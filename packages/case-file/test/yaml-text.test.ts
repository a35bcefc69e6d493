import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Document, parse } from "yaml"
import { yamlText } from "../src/yaml-text.ts"

const byLibrary = (value: unknown) =>
  new Document(value, { aliasDuplicateObjects: false }).toString({ lineWidth: 0, indentSeq: true })

// Text a case holds, and text that makes YAML quote, fold or misread: indicators, `: `, ` #`, line
// breaks with and without indentation, numbers, booleans, nulls, document markers, controls.
const awkward = fc.constantFrom(
  "",
  " ",
  "-",
  "- x",
  "?",
  ": x",
  "a: b",
  "a #b",
  "#x",
  "x:",
  "x ",
  " x",
  "true",
  "False",
  "null",
  "~",
  "12",
  "-3.5",
  "1e5",
  ".inf",
  "0x1F",
  "0o17",
  "2015-01-08",
  "---",
  "--- x",
  "...",
  "%x",
  "'quoted'",
  '"quoted"',
  "it's",
  "line\nbreak",
  "line\n  indented",
  "trailing\n",
  "two\n\n",
  "\n",
  " lead\nx",
  "tab\there",
  "bell\u0007",
  "[x]",
  "{x}",
  "a, b",
  "*alias",
  "&anchor",
  "!tag",
  "|",
  ">",
  "@x",
  "`x`",
  "جماعة أنصار الإسلام"
)
const text = fc.oneof(
  awkward,
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^[a-z][a-z0-9 -]{0,12}$/)
)
const key = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/) },
  { weight: 1, arbitrary: text }
)
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null)
)
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("value"), { maxKeys: 4 })
}))
const document = fc.oneof(fc.dictionary(key, value, { maxKeys: 5 }), fc.array(value, { maxLength: 5 }))

describe("YAML text of plain data", () => {
  it("is the yaml library's text, byte for byte, and reads back to the same data", () => {
    fc.assert(
      fc.property(document, (data) => {
        const written = yamlText(data)
        expect(written).toBe(byLibrary(data))
        expect(parse(written)).toEqual(data)
      }),
      { numRuns: 300 }
    )
  })

  it("leaves out undefined fields, as the library does", () => {
    expect(yamlText({ a: 1, b: undefined, c: { d: undefined } })).toBe("a: 1\nc: {}\n")
  })
})
