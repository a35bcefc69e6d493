import { CLOSE, COMMA, copyOf, DOT, HASH, NL, OPEN, PERCENT } from "./bytes.ts"
import { makeFramework } from "./framework.ts"
import { groundedLabelling } from "./grounded.ts"
import type { FormatError, Instance, InstanceFormat, ParseResult } from "./instance.ts"

/**
 * Readers for the formats that name their arguments: ASPARTIX (APX: `arg(a).`, `att(a,b).`, `%`
 * comments) and the trivial graph format (TGF: argument names, a `#` line, then `a b` per attack). Like
 * the ICCMA'23 reader they are fed a chunk at a time and never decode the whole file into one string:
 * only names are decoded, one at a time.
 */
export interface NamedReader {
  readonly push: (chunk: Uint8Array) => FormatError | undefined
  readonly end: () => ParseResult
}

interface NamedAttack {
  readonly from: string
  readonly to: string
  readonly fromAt: Position
  readonly toAt: Position
}

interface Position {
  readonly line: number
  readonly column: number
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10 || c === 11 || c === 12

const decoder = new TextDecoder()

/** Orders names so that indices do not depend on declaration order: numerically if all are numbers. */
const canonicalOrder = (names: Array<string>): Array<string> => {
  const numeric = names.every((n) => /^[0-9]+$/.test(n))
  return numeric
    ? names.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    : names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

const finish = (
  format: InstanceFormat,
  declared: Set<string>,
  named: ReadonlyArray<NamedAttack>
): ParseResult => {
  for (const attack of named) {
    if (!declared.has(attack.from))
      return {
        ok: false,
        error: {
          ...attack.fromAt,
          message: `the attack names argument "${attack.from}", which is never declared`
        }
      }
    if (!declared.has(attack.to))
      return {
        ok: false,
        error: {
          ...attack.toAt,
          message: `the attack names argument "${attack.to}", which is never declared`
        }
      }
  }
  const names = canonicalOrder([...declared])
  const index = new Map<string, number>()
  for (let i = 0; i < names.length; i++) index.set(names[i]!, i)
  const sources = new Int32Array(named.length)
  const targets = new Int32Array(named.length)
  named.forEach((attack, i) => {
    sources[i] = index.get(attack.from)!
    targets[i] = index.get(attack.to)!
  })
  const framework = makeFramework(names.length, sources, targets)
  const instance: Instance = {
    format,
    framework,
    groundedLabelling: () => groundedLabelling(framework),
    nameOf: (x) => names[x]!,
    argumentNamed: (name) => index.get(name)
  }
  return { ok: true, instance }
}

const concat = (a: Uint8Array | undefined, b: Uint8Array): Uint8Array => {
  if (a === undefined || a.length === 0) return b
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

/** The ASPARTIX reader: statements may run over lines and chunks; an unfinished one waits for the next chunk. */
export const apxReader = (): NamedReader => {
  const declared = new Set<string>()
  const named: Array<NamedAttack> = []
  let pending: Uint8Array | undefined
  // Where the pending bytes start: their line, and where that line starts relative to them (<= 0).
  let line = 1
  let lineStart = 0
  let failed: FormatError | undefined

  /** Reads every complete statement of `bytes`; returns where the first incomplete one starts. */
  const read = (bytes: Uint8Array, final: boolean): number | FormatError => {
    let i = 0
    const at = (offset: number): Position => ({ line, column: offset - lineStart + 1 })
    const newline = (offset: number) => {
      line++
      lineStart = offset + 1
    }
    while (true) {
      // Space and comments between statements; a comment the chunk cuts off waits for the rest of its line.
      while (i < bytes.length) {
        if (bytes[i] === PERCENT) {
          const newlineAt = bytes.indexOf(NL, i)
          if (newlineAt < 0) return final ? bytes.length : i
          i = newlineAt
        }
        if (!isSpace(bytes[i]!)) break
        if (bytes[i] === NL) newline(i)
        i++
      }
      if (i >= bytes.length) return i
      const statement = i
      const savedLine = line
      const savedLineStart = lineStart
      const incomplete = () => {
        line = savedLine
        lineStart = savedLineStart
        return statement
      }
      const statementAt: Position = { line: savedLine, column: statement - savedLineStart + 1 }
      const expected = (): FormatError => ({
        ...statementAt,
        message: 'expected a statement "arg(name)." or "att(name,name)."'
      })
      if (bytes.length - i < 3) {
        if (final) return expected()
        return incomplete()
      }
      const isArg = bytes[i] === 97 && bytes[i + 1] === 114 && bytes[i + 2] === 103
      const isAtt = bytes[i] === 97 && bytes[i + 1] === 116 && bytes[i + 2] === 116
      if (!isArg && !isAtt) return expected()
      i += 3
      while (i < bytes.length && isSpace(bytes[i]!)) {
        if (bytes[i] === NL) newline(i)
        i++
      }
      if (i >= bytes.length) return final ? expected() : incomplete()
      if (bytes[i] !== OPEN) return expected()
      i++
      const names: Array<{ readonly text: string; readonly at: Position }> = []
      let closed = false
      while (!closed) {
        const nameAt = at(i)
        const nameStart = i
        while (i < bytes.length && bytes[i] !== COMMA && bytes[i] !== CLOSE && bytes[i] !== OPEN) {
          if (bytes[i] === NL) newline(i)
          i++
        }
        if (i >= bytes.length) return final ? expected() : incomplete()
        if (bytes[i] === OPEN || names.length === 2) return expected()
        names.push({ text: decoder.decode(bytes.subarray(nameStart, i)).trim(), at: nameAt })
        closed = bytes[i] === CLOSE
        i++
      }
      while (i < bytes.length && isSpace(bytes[i]!)) {
        if (bytes[i] === NL) newline(i)
        i++
      }
      if (i >= bytes.length) return final ? expected() : incomplete()
      if (bytes[i] !== DOT) return expected()
      i++
      const [first, second] = names as [(typeof names)[number], (typeof names)[number] | undefined]
      if (first.text.length === 0) return { ...first.at, message: "an argument name is empty" }
      if (isArg) {
        if (second !== undefined)
          return { ...statementAt, message: `"arg" takes one name, found "${first.text},${second.text}"` }
        declared.add(first.text)
      } else {
        if (second === undefined || second.text.length === 0)
          return { ...statementAt, message: `"att" takes two names: att(attacker,attacked)` }
        named.push({ from: first.text, to: second.text, fromAt: first.at, toAt: second.at })
      }
    }
  }

  const take = (bytes: Uint8Array, final: boolean): FormatError | undefined => {
    const result = read(bytes, final)
    if (typeof result !== "number") {
      failed = result
      return result
    }
    pending = result < bytes.length ? copyOf(bytes.subarray(result)) : undefined
    lineStart -= result
    return undefined
  }

  return {
    push: (chunk) => failed ?? take(concat(pending, chunk), false),
    end: () => {
      if (failed === undefined && pending !== undefined) take(pending, true)
      return failed !== undefined ? { ok: false, error: failed } : finish("apx", declared, named)
    }
  }
}

/** The TGF reader: one name per line, a `#` line, then an attack per line. */
export const tgfReader = (): NamedReader => {
  const declared = new Set<string>()
  const named: Array<NamedAttack> = []
  let inAttacks = false
  let line = 1
  let carry: Uint8Array | undefined
  let failed: FormatError | undefined

  const readLine = (bytes: Uint8Array, start: number, end: number): FormatError | undefined => {
    let from = start
    while (from < end && isSpace(bytes[from]!)) from++
    let to = end
    while (to > from && isSpace(bytes[to - 1]!)) to--
    if (from === to) return undefined
    const column = (offset: number) => offset - start + 1
    if (to - from === 1 && bytes[from] === HASH) {
      if (inAttacks)
        return {
          line,
          column: column(from),
          message: 'a second "#" separator; TGF has one, between arguments and attacks'
        }
      inAttacks = true
      return undefined
    }
    // Words and where each starts.
    const words: Array<{ readonly text: string; readonly at: number }> = []
    let i = from
    while (i < to && words.length < 2) {
      const wordStart = i
      while (i < to && !isSpace(bytes[i]!)) i++
      words.push({ text: decoder.decode(bytes.subarray(wordStart, i)), at: wordStart })
      while (i < to && isSpace(bytes[i]!)) i++
    }
    if (!inAttacks) {
      // TGF allows a label after the name; only the name identifies the argument.
      declared.add(words[0]!.text)
      return undefined
    }
    if (words.length < 2)
      return {
        line,
        column: column(from),
        message: `an attack needs two argument names ("attacker attacked"), found "${decoder.decode(bytes.subarray(from, to))}"`
      }
    named.push({
      from: words[0]!.text,
      to: words[1]!.text,
      fromAt: { line, column: column(words[0]!.at) },
      toAt: { line, column: column(words[1]!.at) }
    })
    return undefined
  }

  const readLines = (bytes: Uint8Array, final: boolean): FormatError | undefined => {
    let start = 0
    while (true) {
      const newline = bytes.indexOf(NL, start)
      if (newline < 0) {
        if (final && start < bytes.length) {
          const problem = readLine(bytes, start, bytes.length)
          if (problem !== undefined) return problem
        } else if (start < bytes.length) carry = copyOf(bytes.subarray(start))
        return undefined
      }
      const problem = readLine(bytes, start, newline)
      if (problem !== undefined) return problem
      line++
      start = newline + 1
    }
  }

  return {
    push: (chunk) => {
      if (failed !== undefined) return failed
      const bytes = concat(carry, chunk)
      carry = undefined
      failed = readLines(bytes, false)
      return failed
    },
    end: () => {
      if (failed === undefined && carry !== undefined) {
        const last = carry
        carry = undefined
        failed = readLines(last, true)
      }
      if (failed !== undefined) return { ok: false, error: failed }
      if (!inAttacks && declared.size === 0)
        return {
          ok: false,
          error: {
            line: 1,
            column: 1,
            message: 'the file is empty: TGF lists argument names, a line "#", then attacks'
          }
        }
      return finish("tgf", declared, named)
    }
  }
}
