import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { checkIntegrity } from "../../src/case/integrity.ts"
import { CaseFile } from "../../src/model/case-file.ts"

const decode = Schema.decodeUnknownSync(CaseFile)

const caseOf = (info: Record<string, unknown>, cites: ReadonlyArray<Record<string, unknown>>) =>
  decode({
    case: { id: "many-reports", title: "A case drawn from many reports", ...info },
    actors: [{ id: "org", kind: "group", name: { primary: "Org" }, cites }]
  })

const documents = [
  {
    id: "doc-wire",
    title: "Group pledges allegiance",
    publisher: "A wire service",
    published: "9 January 2015, 14:20 UTC",
    link: "https://example.org/wire/1"
  },
  { id: "doc-archive", title: "Statement archive", author: "A monitoring service", text: "Statement 12 ..." }
]

describe("a case drawn from many documents", () => {
  it("cites each document and a place in it", () => {
    const caseFile = caseOf({ documents }, [
      { document: "doc-wire", paragraph: 3 },
      { document: "doc-archive", at: "the entry of 8 January", excerpt: "we pledge" }
    ])
    expect(checkIntegrity(caseFile)).toEqual([])
    expect(caseFile.case.documents?.[0]?.published?.time).toBe("14:20")
  })

  it("refuses a citation of a document it does not list, or one that says nothing of where", () => {
    const caseFile = caseOf({ documents }, [{ document: "doc-missing", paragraph: 1 }, {}])
    expect(checkIntegrity(caseFile).map((problem) => problem.path.join("."))).toEqual([
      "actors.0.cites.0.document",
      "actors.0.cites.1.document",
      "actors.0.cites.1"
    ])
  })

  it("still reads a case of one document, whose items cite its paragraphs", () => {
    const caseFile = caseOf({ document: { title: "An article", author: "An analyst" } }, [{ paragraph: 2 }])
    expect(checkIntegrity(caseFile)).toEqual([])
  })
})
