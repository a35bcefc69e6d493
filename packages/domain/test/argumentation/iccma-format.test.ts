import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { buildScanned, groundedOfScan, scanI23 } from "../../src/argumentation/i23-reader.ts"
import {
  answerText,
  attackPairs,
  detectFormat,
  type FormatError,
  frameworkFromPairs,
  groundedLabelling,
  type Instance,
  instanceReader,
  parseInstance,
  solveIccma,
  solveIccmaTask,
  writeAnswer
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

describe("reading a chunk at a time", () => {
  /** Feeds `text` to a reader cut at the given points. */
  const readInChunks = (text: string, cuts: ReadonlyArray<number>, format?: "i23" | "apx" | "tgf") => {
    const all = bytes(text)
    const points = [...new Set(cuts.map((cut) => cut % (all.length + 1)))].sort((a, b) => a - b)
    const reader = instanceReader(format)
    let from = 0
    for (const point of [...points, all.length]) {
      reader.push(all.slice(from, point))
      from = point
    }
    return reader.end()
  }
  const outcome = (result: ReturnType<typeof parseInstance>) =>
    result.ok
      ? { size: result.instance.framework.size, attacks: attackPairs(result.instance.framework) }
      : result.error

  const written = (
    format: "i23" | "apx" | "tgf",
    size: number,
    attacks: ReadonlyArray<readonly [number, number]>
  ) => {
    if (format === "i23")
      return `# made up\np af ${size}\n${attacks.map(([a, b]) => `${a + 1} ${b + 1}\n`).join("")}`
    const names = Array.from({ length: size }, (_, i) => `a${i}`)
    if (format === "apx")
      return `% made up\n${names.map((n) => `arg( ${n} ).`).join("\n")}\n${attacks.map(([a, b]) => `att(${names[a]},\n ${names[b]}).`).join(" ")}\n`
    return `${names.join("\n")}\n#\n${attacks.map(([a, b]) => `${names[a]} ${names[b]}`).join("\n")}`
  }

  it("reads the same framework however the file is cut, in every format", () => {
    fc.assert(
      fc.property(
        smallFramework(20, 50),
        fc.constantFrom("i23" as const, "apx" as const, "tgf" as const),
        fc.array(fc.nat(), { maxLength: 12 }),
        ({ size, attacks }, format, cuts) => {
          const text = written(format, size, attacks)
          expect(outcome(readInChunks(text, cuts, format))).toEqual(
            outcome(parseInstance(bytes(text), format))
          )
          expect(outcome(readInChunks(text, cuts))).toEqual(outcome(parseInstance(bytes(text))))
        }
      ),
      { numRuns: 300, seed: 23 }
    )
  })

  it("keeps what it needs when the caller reads every chunk into the same Node buffer", () => {
    // Node's Buffer#slice is a view: a reader that kept one would see its bytes overwritten.
    for (const [text, format] of [
      ["p af 4\n1 2\n2 3\n3 4\n4 1\n", "i23"],
      ["arg(a).\narg(b).\natt(a,b).\natt(b,a).\n", "apx"],
      ["a\nb\n#\na b\nb a\n", "tgf"]
    ] as const) {
      const all = Buffer.from(text)
      const buffer = Buffer.alloc(5)
      const reader = instanceReader(format)
      for (let at = 0; at < all.length; at += buffer.length) {
        const n = all.copy(buffer, 0, at, at + buffer.length)
        reader.push(buffer.subarray(0, n))
        buffer.fill(0x7a)
      }
      expect(outcome(reader.end())).toEqual(outcome(parseInstance(bytes(text), format)))
    }
  })

  it("finds the same mistake at the same place however the file is cut", () => {
    const broken = [
      ["p af 3\n1 2\n2 x\n3 1\n", "i23"],
      ["p af 3\n1 2\n\n# note\n2 4\n", "i23"],
      ["arg(a).\narg(b).\natt(a,\n c).\n", "apx"],
      ["arg(a).\n% comment (with a dot).\narg(b)\natt(a,b).\n", "apx"],
      ["a\nb\n#\na b\nb\n", "tgf"]
    ] as const
    fc.assert(
      fc.property(
        fc.constantFrom(...broken),
        fc.array(fc.nat(), { maxLength: 8 }),
        ([text, format], cuts) => {
          const whole = parseInstance(bytes(text), format)
          expect(whole.ok).toBe(false)
          expect(outcome(readInChunks(text, cuts, format))).toEqual(outcome(whole))
        }
      ),
      { numRuns: 200, seed: 5 }
    )
  })

  it("writes an answer in chunks that make up the same text", () => {
    const big = read(`p af 200000\n${"1 1\n"}`)
    const answer = solveIccma(big, "SE-GR", undefined)
    if (!answer.decided) throw new Error("stopped")
    const chunks: Array<string> = []
    writeAnswer(big, answer.value, (chunk) => chunks.push(new TextDecoder().decode(chunk)))
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.every((chunk) => chunk.length <= 1 << 16)).toBe(true)
    const text = chunks.join("")
    expect(text).toBe(answerText(big, answer.value))
    expect(text.startsWith("w 2 3 4 ")).toBe(true)
    expect(text.endsWith(" 199999 200000\n")).toBe(true)
  })
})

describe("the grounded labelling read straight from a file's attacks", () => {
  it("is the grounded labelling of the framework the file describes, repeated and unordered attacks included", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 25 })
          .chain((size) =>
            fc
              .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 70 })
              .map((attacks) => ({ size, attacks }))
          ),
        fc.boolean(),
        ({ size, attacks }, twice) => {
          const written = twice ? [...attacks, ...attacks] : attacks
          const text = `p af ${size}\n${written.map(([a, b]) => `${a + 1} ${b + 1}\n`).join("")}`
          const scanned = scanI23(bytes(text))
          if (!scanned.ok) throw new Error(scanned.error.message)
          expect([...groundedOfScan(scanned.scan)]).toEqual([
            ...groundedLabelling(buildScanned(scanned.scan))
          ])
          expect([...groundedOfScan(scanned.scan)]).toEqual([
            ...groundedLabelling(frameworkFromPairs(size, attacks))
          ])
        }
      ),
      { numRuns: 500, seed: 42 }
    )
  })
})
