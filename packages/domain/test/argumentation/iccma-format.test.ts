import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  attackPairs,
  detectFormat,
  type FormatError,
  frameworkFromPairs,
  type Instance,
  parseInstance,
  solveIccmaTask
} from "../../src/argumentation/index.ts"
import { smallFramework } from "./arbitraries.ts"

const bytes = (text: string) => new TextEncoder().encode(text)

const read = (text: string, format?: "i23" | "apx" | "tgf"): Instance => {
  const result = parseInstance(bytes(text), format)
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column} ${result.error.message}`)
  return result.instance
}

const errorOf = (text: string, format?: "i23" | "apx" | "tgf"): FormatError => {
  const result = parseInstance(bytes(text), format)
  if (result.ok) throw new Error("expected a format error")
  return result.error
}

describe("ICCMA'23 reader", () => {
  it("reads the header, attacks and comments, numbering arguments from 1", () => {
    const instance = read("# a framework\np af 4\n# 1 is a\n1 2\n2 3\n\n3 3\n4 1\r\n")
    expect(instance.framework.size).toBe(4)
    expect(attackPairs(instance.framework)).toEqual([
      [3, 0],
      [0, 1],
      [1, 2],
      [2, 2]
    ])
    expect(instance.nameOf(0)).toBe("1")
    expect(instance.argumentNamed("4")).toBe(3)
    expect(instance.argumentNamed("5")).toBeUndefined()
    expect(instance.argumentNamed("0")).toBeUndefined()
  })

  it("accepts a last line without a newline, and drops repeated attacks", () => {
    const instance = read("p af 2\n1 2\n1 2\n2 1")
    expect(instance.framework.attackCount).toBe(2)
  })

  it("reads a framework without attacks or arguments", () => {
    expect(read("p af 3\n").framework.attackCount).toBe(0)
    expect(read("p af 0\n").framework.size).toBe(0)
  })

  it.each([
    ["", 1, 1, "no header"],
    ["1 2\n", 1, 1, 'expected the header "p af N"'],
    ["p bf 2\n", 1, 3, 'expected "af"'],
    ["p af\n", 1, 5, "expected the number of arguments"],
    ["p af 2 3\n", 1, 8, "after the header"],
    ["p af 2\n1 3\n", 2, 3, "argument 3 does not exist"],
    ["p af 2\n0 1\n", 2, 1, "argument 0 does not exist"],
    ["p af 2\n1\n", 2, 2, "expected a space and the attacked argument"],
    ["p af 2\n1 x\n", 2, 3, "expected the attacked argument number"],
    ["p af 2\n1 2 2\n", 2, 5, "expected the end of the line"],
    ["p af 2\n-1 2\n", 2, 1, "expected an attacking argument"],
    ["p af 2\np af 2\n", 2, 1, "a second header"]
  ])("rejects %j at line %i, column %i (%s)", (text, line, column, message) => {
    const error = errorOf(text, "i23")
    expect(error.line).toBe(line)
    expect(error.column).toBe(column)
    expect(error.message).toContain(message)
  })

  it("reads back any framework written in the format", () => {
    fc.assert(
      fc.property(smallFramework(30, 80), ({ size, attacks }) => {
        const text = `p af ${size}\n${attacks.map(([a, b]) => `${a + 1} ${b + 1}\n`).join("")}`
        const expected = frameworkFromPairs(size, attacks)
        const got = read(text).framework
        expect(attackPairs(got)).toEqual(attackPairs(expected))
      }),
      { numRuns: 200, seed: 9 }
    )
  })
})

describe("APX and TGF readers", () => {
  it("reads APX statements with whitespace and comments; indices follow the names, not the order", () => {
    const instance = read("% comment\narg(b).\narg( a ).\natt(a,b).\natt(b , b).\n", "apx")
    expect(instance.nameOf(0)).toBe("a")
    expect(instance.nameOf(1)).toBe("b")
    expect(attackPairs(instance.framework)).toEqual([
      [0, 1],
      [1, 1]
    ])
    expect(detectFormat(bytes("arg(a).\n"))).toBe("apx")
  })

  it("orders numeric names numerically", () => {
    const instance = read("arg(10).\narg(9).\narg(2).\natt(10,9).\n", "apx")
    expect([0, 1, 2].map(instance.nameOf)).toEqual(["2", "9", "10"])
  })

  it("locates APX mistakes", () => {
    expect(errorOf("arg(a).\natt(a,c).\n", "apx")).toMatchObject({ line: 2, column: 7 })
    expect(errorOf("arg(a).\narg(b)\natt(a,b).\n", "apx").line).toBe(2)
    expect(errorOf("arg(a).\nattack(a,b).\n", "apx")).toMatchObject({ line: 2, column: 1 })
  })

  it("reads TGF and locates its mistakes", () => {
    const instance = read("a\nb\nc\n#\na b\nb c\n", "tgf")
    expect(instance.framework.size).toBe(3)
    expect(attackPairs(instance.framework)).toEqual([
      [0, 1],
      [1, 2]
    ])
    expect(detectFormat(bytes("a\nb\n#\na b\n"))).toBe("tgf")
    expect(errorOf("a\n#\na x\n", "tgf")).toMatchObject({ line: 3, column: 3 })
    expect(errorOf("a\n#\na\n", "tgf").line).toBe(3)
  })

  it("answers the same question the same way in all three formats", () => {
    const i23 = read("p af 3\n1 2\n2 3\n3 2\n")
    const apx = read("arg(1).arg(2).arg(3).att(1,2).att(2,3).att(3,2).", "apx")
    const tgf = read("1\n2\n3\n#\n1 2\n2 3\n3 2\n", "tgf")
    for (const instance of [i23, apx, tgf]) {
      const out = solveIccmaTask(instance, "SE-PR", undefined)
      expect(out).toEqual({ decided: true, value: "w 1 3\n" })
    }
  })
})

describe("ICCMA task output", () => {
  const instance = read("p af 5\n1 2\n2 3\n4 5\n5 4\n")
  const run = (problem: Parameters<typeof solveIccmaTask>[1], argument?: number, certificate = false) => {
    const out = solveIccmaTask(instance, problem, argument, { certificate })
    if (!out.decided) throw new Error("stopped")
    return out.value
  }

  it("prints extensions as w and acceptance as YES / NO, byte for byte", () => {
    expect(run("SE-GR")).toBe("w 1 3\n")
    expect(run("SE-CO")).toBe("w 1 3\n")
    // Two preferred (and stable) extensions: {1, 3, 4} and {1, 3, 5}; either is a right answer.
    expect(["w 1 3 4\n", "w 1 3 5\n"]).toContain(run("SE-PR"))
    expect(["w 1 3 4\n", "w 1 3 5\n"]).toContain(run("SE-ST"))
    expect(run("DC-CO", 3)).toBe("YES\n")
    expect(run("DS-CO", 3)).toBe("NO\n")
    expect(run("DC-PR", 1)).toBe("NO\n")
    expect(run("DS-PR", 2)).toBe("YES\n")
    expect(run("DC-ST", 4)).toBe("YES\n")
    expect(run("DS-ST", 4)).toBe("NO\n")
  })

  it("prints NO for SE-ST without a stable extension, and w alone for an empty extension", () => {
    const odd = read("p af 1\n1 1\n")
    expect(solveIccmaTask(odd, "SE-ST", undefined)).toEqual({ decided: true, value: "NO\n" })
    expect(solveIccmaTask(odd, "SE-GR", undefined)).toEqual({ decided: true, value: "w\n" })
    expect(solveIccmaTask(odd, "DS-ST", 0)).toEqual({ decided: true, value: "YES\n" })
  })

  it("adds the certificate line when asked", () => {
    expect(run("DC-PR", 4, true)).toBe("YES\nw 1 3 5\n")
    expect(run("DS-PR", 4, true)).toBe("NO\nw 1 3 4\n")
    expect(run("DS-PR", 2, true)).toBe("YES\n")
  })
})
