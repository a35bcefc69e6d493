import { type Framework, fromSourceBuckets, makeFramework } from "./framework.ts"

/**
 * Readers for the instance formats of the International Competition on Computational Models
 * of Argumentation: ICCMA'23 (`p af N`, then `i j` per attack, `#` comments, arguments
 * 1..N), and the older ASPARTIX (APX: `arg(a).`, `att(a,b).`) and trivial graph format (TGF:
 * argument names, a `#` line, then `a b` per attack). They read bytes, not strings, so that a
 * file of millions of attacks is parsed without building a string per line.
 */
export type InstanceFormat = "i23" | "apx" | "tgf"

export const instanceFormats: ReadonlyArray<InstanceFormat> = ["i23", "apx", "tgf"]

export interface Instance {
  readonly format: InstanceFormat
  readonly framework: Framework
  /** Name of each argument as written in the file (ICCMA'23: "1".."N"). */
  readonly nameOf: (argument: number) => string
  /** Argument index of a name as written in the file, or undefined. */
  readonly argumentNamed: (name: string) => number | undefined
}

/** Where and why a file could not be read. Lines and columns count from 1. */
export interface FormatError {
  readonly line: number
  readonly column: number
  readonly message: string
}

export type ParseResult =
  | { readonly ok: true; readonly instance: Instance }
  | { readonly ok: false; readonly error: FormatError }

const NL = 10
const CR = 13
const SPACE = 32
const TAB = 9
const HASH = 35
const ZERO = 48
const NINE = 57

const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR

const lineAndColumn = (bytes: Uint8Array, offset: number): { line: number; column: number } => {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === NL) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

const describeAt = (bytes: Uint8Array, offset: number): string => {
  if (offset >= bytes.length) return "the end of the file"
  const c = bytes[offset]!
  if (c === NL || c === CR) return "the end of the line"
  let end = offset
  while (end < bytes.length && end - offset < 20 && !isBlank(bytes[end]!) && bytes[end] !== NL) end++
  return `"${new TextDecoder().decode(bytes.subarray(offset, end))}"`
}

const fail = (bytes: Uint8Array, offset: number, message: string): ParseResult => ({
  ok: false,
  error: { ...lineAndColumn(bytes, offset), message }
})

/** Guesses the format from the first line that is neither blank nor a comment. */
export const detectFormat = (bytes: Uint8Array): InstanceFormat => {
  let i = 0
  while (i < bytes.length) {
    while (i < bytes.length && isBlank(bytes[i]!)) i++
    if (i >= bytes.length) break
    const c = bytes[i]!
    if (c === NL) {
      i++
      continue
    }
    if (c === HASH && bytes[i + 1] !== NL && bytes[i + 1] !== CR && i + 1 < bytes.length) {
      // "#" alone is TGF's separator; "# ..." is an ICCMA'23 comment.
      while (i < bytes.length && bytes[i] !== NL) i++
      continue
    }
    if (c === 112 /* p */ && (bytes[i + 1] === SPACE || bytes[i + 1] === TAB)) return "i23"
    const head = new TextDecoder().decode(bytes.subarray(i, Math.min(bytes.length, i + 4)))
    if (
      head.startsWith("arg(") ||
      head.startsWith("att(") ||
      head.startsWith("arg ") ||
      head.startsWith("att ")
    )
      return "apx"
    return "tgf"
  }
  return "i23"
}

/** Reads an instance in the given format, or the detected one. Never throws on bad input. */
export const parseInstance = (
  bytes: Uint8Array,
  format: InstanceFormat = detectFormat(bytes)
): ParseResult => {
  switch (format) {
    case "i23":
      return parseI23(bytes)
    case "apx":
      return parseApx(bytes)
    case "tgf":
      return parseTgf(bytes)
  }
}

/** Beyond this a framework cannot be held in typed arrays on an ordinary machine. */
const MAX_ARGUMENTS = 100_000_000

/** The attacks of an ICCMA'23 file as read, before the framework is built (0-based). */
export interface I23Scan {
  readonly size: number
  readonly count: number
  readonly sources: Int32Array
  readonly targets: Int32Array
  /** outDegree[a + 1] = number of attacks made by argument a (one extra leading slot). */
  readonly outDegree: Int32Array
  /** Attacks came grouped by attacker in increasing order (then `targets` already is bucketed). */
  readonly sortedBySource: boolean
}

type ScanResult =
  | { readonly ok: true; readonly scan: I23Scan }
  | { readonly ok: false; readonly error: FormatError }

const withNewline = (input: Uint8Array): Uint8Array => {
  const copy = new Uint8Array(input.length + 1)
  copy.set(input)
  copy[input.length] = NL
  return copy
}

/** ICCMA'23 reader: one pass over the bytes with a hand-written digit loop. */
export const parseI23 = (bytes: Uint8Array): ParseResult => {
  const scanned = scanI23(bytes)
  if (!scanned.ok) return scanned
  return { ok: true, instance: i23Instance(buildScanned(scanned.scan)) }
}

/** Builds the framework of a scanned ICCMA'23 file (the second half of `parseI23`). */
export const buildScanned = (scan: I23Scan): Framework => {
  const { size, count, sources, targets } = scan
  // Bucket attacks by attacker directly from the degrees counted while parsing.
  const start = scan.outDegree
  for (let x = 0; x < size; x++) start[x + 1]! += start[x]!
  const fill = start.slice(0, Math.max(size, 1))
  // Files written attacker by attacker (the usual way) are bucketed already.
  if (scan.sortedBySource) return fromSourceBuckets(size, start, targets.subarray(0, count), fill)
  const bySource = new Int32Array(count)
  for (let i = 0; i < count; i++) bySource[fill[sources[i]!]!++] = targets[i]!
  return fromSourceBuckets(size, start, bySource, fill)
}

/** Wraps a framework read from an ICCMA'23 file: arguments are named 1..N. */
export const i23Instance = (framework: Framework): Instance => {
  const size = framework.size
  return {
    format: "i23",
    framework,
    nameOf: (x) => String(x + 1),
    argumentNamed: (name) => {
      if (!/^[0-9]+$/.test(name)) return undefined
      const v = Number(name)
      return v >= 1 && v <= size ? v - 1 : undefined
    }
  }
}

/** Reads the header and attack lines of an ICCMA'23 file, with located errors. */
export const scanI23 = (input: Uint8Array): ScanResult => {
  const fail = (at: Uint8Array, offset: number, message: string): ScanResult => ({
    ok: false,
    error: { ...lineAndColumn(at, offset), message }
  })
  // A final newline is a sentinel: every scan inside a line stops on it, so the hot loops
  // need no end-of-buffer test. Only a file that lacks one is copied.
  const bytes = input.length > 0 && input[input.length - 1] !== NL ? withNewline(input) : input
  const length = bytes.length
  let pos = 0
  let size = -1
  // Attacks are at least 4 bytes ("1 2\n"); pages never written stay untouched in memory.
  let sources = new Int32Array(0)
  let targets = new Int32Array(0)
  let count = 0
  const outDegree = { value: new Int32Array(0) }
  let previousSource = 0
  let sortedBySource = true
  while (pos < length) {
    let c = bytes[pos]!
    while (c === SPACE || c === TAB) c = bytes[++pos]!
    if (c === NL || c === CR) {
      while (pos < length && bytes[pos] !== NL) {
        if (!isBlank(bytes[pos]!)) return fail(bytes, pos, `unexpected ${describeAt(bytes, pos)}`)
        pos++
      }
      pos++
      continue
    }
    if (c === HASH) {
      while (pos < length && bytes[pos] !== NL) pos++
      pos++
      continue
    }
    if (size < 0) {
      // Header: p af N
      if (c !== 112 /* p */) {
        return fail(
          bytes,
          pos,
          `expected the header "p af N" before any attack, found ${describeAt(bytes, pos)}`
        )
      }
      pos++
      if (!isBlank(bytes[pos] ?? NL))
        return fail(bytes, pos, `expected "p af N", found ${describeAt(bytes, pos - 1)}`)
      while (pos < length && (bytes[pos] === SPACE || bytes[pos] === TAB)) pos++
      const afterAf = bytes[pos + 2] ?? NL
      if (
        bytes[pos] !== 97 /* a */ ||
        bytes[pos + 1] !== 102 /* f */ ||
        !(isBlank(afterAf) || afterAf === NL)
      ) {
        return fail(bytes, pos, `expected "af" after "p" in the header, found ${describeAt(bytes, pos)}`)
      }
      pos += 2
      while (pos < length && (bytes[pos] === SPACE || bytes[pos] === TAB)) pos++
      const numberStart = pos
      let n = 0
      while (pos < length && bytes[pos]! >= ZERO && bytes[pos]! <= NINE) {
        n = n * 10 + (bytes[pos]! - ZERO)
        if (n > MAX_ARGUMENTS) {
          return fail(
            bytes,
            numberStart,
            `the header declares more than ${MAX_ARGUMENTS} arguments, more than can be held`
          )
        }
        pos++
      }
      if (pos === numberStart) {
        return fail(
          bytes,
          pos,
          `expected the number of arguments after "p af", found ${describeAt(bytes, pos)}`
        )
      }
      while (pos < length && isBlank(bytes[pos]!)) pos++
      if (pos < length && bytes[pos] !== NL) {
        return fail(bytes, pos, `unexpected ${describeAt(bytes, pos)} after the header "p af ${n}"`)
      }
      pos++
      size = n
      const capacity = Math.max(16, Math.floor((length - pos) / 4) + 1)
      sources = new Int32Array(capacity)
      targets = new Int32Array(capacity)
      outDegree.value = new Int32Array(size + 1)
      continue
    }
    // Attack line: i j
    const degrees = outDegree.value
    let a = 0
    const aStart = pos
    while (c >= ZERO && c <= NINE) {
      a = a * 10 + (c - ZERO)
      c = bytes[++pos]!
    }
    if (pos === aStart) {
      if (c === 112) return fail(bytes, pos, 'a second header line; the header "p af N" must appear once')
      return fail(bytes, pos, `expected an attacking argument number, found ${describeAt(bytes, pos)}`)
    }
    if (a < 1 || a > size) {
      return fail(bytes, aStart, `argument ${a} does not exist: the header declares arguments 1..${size}`)
    }
    if (c !== SPACE && c !== TAB) {
      return fail(
        bytes,
        pos,
        `expected a space and the attacked argument after ${a}, found ${describeAt(bytes, pos)}`
      )
    }
    while (c === SPACE || c === TAB) c = bytes[++pos]!
    let b = 0
    const bStart = pos
    while (c >= ZERO && c <= NINE) {
      b = b * 10 + (c - ZERO)
      c = bytes[++pos]!
    }
    if (pos === bStart) {
      return fail(
        bytes,
        pos,
        `expected the attacked argument number after ${a}, found ${describeAt(bytes, pos)}`
      )
    }
    if (b < 1 || b > size) {
      return fail(bytes, bStart, `argument ${b} does not exist: the header declares arguments 1..${size}`)
    }
    while (c === SPACE || c === TAB || c === CR) c = bytes[++pos]!
    if (c !== NL) {
      return fail(
        bytes,
        pos,
        `expected the end of the line after the attack "${a} ${b}", found ${describeAt(bytes, pos)}`
      )
    }
    pos++
    if (count === sources.length) {
      const grownS = new Int32Array(count * 2)
      grownS.set(sources)
      sources = grownS
      const grownT = new Int32Array(count * 2)
      grownT.set(targets)
      targets = grownT
    }
    if (a < previousSource) sortedBySource = false
    previousSource = a
    sources[count] = a - 1
    targets[count] = b - 1
    count++
    degrees[a]!++
  }
  if (size < 0) {
    return fail(bytes, length, 'no header: an ICCMA\'23 file starts with "p af N" (N = number of arguments)')
  }
  return { ok: true, scan: { size, count, sources, targets, outDegree: outDegree.value, sortedBySource } }
}

/** Orders names so that indices do not depend on declaration order: numerically if all are numbers. */
const canonicalOrder = (names: Array<string>): Array<string> => {
  const numeric = names.every((n) => /^[0-9]+$/.test(n))
  return numeric
    ? names.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    : names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

interface NamedAttack {
  readonly from: string
  readonly to: string
  readonly offset: number
  readonly fromOffset: number
  readonly toOffset: number
}

const finishNamed = (
  bytes: Uint8Array,
  format: InstanceFormat,
  declared: Map<string, number>,
  named: Array<NamedAttack>
): ParseResult => {
  for (const attack of named) {
    if (!declared.has(attack.from)) {
      return fail(
        bytes,
        attack.fromOffset,
        `the attack names argument "${attack.from}", which is never declared`
      )
    }
    if (!declared.has(attack.to)) {
      return fail(bytes, attack.toOffset, `the attack names argument "${attack.to}", which is never declared`)
    }
  }
  const names = canonicalOrder([...declared.keys()])
  const index = new Map<string, number>()
  for (let i = 0; i < names.length; i++) index.set(names[i]!, i)
  const sources = new Int32Array(named.length)
  const targets = new Int32Array(named.length)
  named.forEach((attack, i) => {
    sources[i] = index.get(attack.from)!
    targets[i] = index.get(attack.to)!
  })
  const framework = makeFramework(names.length, sources, targets)
  return {
    ok: true,
    instance: { format, framework, nameOf: (x) => names[x]!, argumentNamed: (name) => index.get(name) }
  }
}

/** ASPARTIX format: `arg(a).` and `att(a,b).` statements; `%` starts a comment. */
export const parseApx = (bytes: Uint8Array): ParseResult => {
  const text = new TextDecoder().decode(bytes)
  const declared = new Map<string, number>()
  const named: Array<NamedAttack> = []
  const statement = /\s*(arg|att)\s*\(([^(),]*?)(?:,([^(),]*?))?\)\s*\.\s*/y
  let pos = 0
  const byteOffset = (charOffset: number): number =>
    new TextEncoder().encode(text.slice(0, charOffset)).length
  while (pos < text.length) {
    const ws = /\s*(?:%[^\n]*\s*)*/y
    ws.lastIndex = pos
    ws.exec(text)
    pos = ws.lastIndex
    if (pos >= text.length) break
    statement.lastIndex = pos
    const m = statement.exec(text)
    if (m === null) {
      return fail(bytes, byteOffset(pos), 'expected a statement "arg(name)." or "att(name,name)."')
    }
    const kind = m[1]!
    const first = m[2]!.trim()
    const second = m[3]?.trim()
    const nameStart = text.indexOf("(", pos) + 1
    if (first.length === 0) return fail(bytes, byteOffset(nameStart), "an argument name is empty")
    if (kind === "arg") {
      if (second !== undefined)
        return fail(bytes, byteOffset(pos), `"arg" takes one name, found "${first},${second}"`)
      if (!declared.has(first)) declared.set(first, declared.size)
    } else {
      if (second === undefined || second.length === 0) {
        return fail(bytes, byteOffset(pos), `"att" takes two names: att(attacker,attacked)`)
      }
      const comma = text.indexOf(",", nameStart)
      named.push({
        from: first,
        to: second,
        offset: byteOffset(pos),
        fromOffset: byteOffset(nameStart),
        toOffset: byteOffset(comma + 1)
      })
    }
    pos = statement.lastIndex
  }
  return finishNamed(bytes, "apx", declared, named)
}

/** Trivial graph format: one argument name per line, a line "#", then "a b" per attack. */
export const parseTgf = (bytes: Uint8Array): ParseResult => {
  const declared = new Map<string, number>()
  const named: Array<NamedAttack> = []
  const decoder = new TextDecoder()
  let inAttacks = false
  let pos = 0
  while (pos <= bytes.length) {
    let end = bytes.indexOf(NL, pos)
    if (end < 0) end = bytes.length
    const raw = decoder.decode(bytes.subarray(pos, end))
    const line = raw.trim()
    const lead = raw.length - raw.trimStart().length
    if (line.length > 0) {
      if (line === "#") {
        if (inAttacks)
          return fail(bytes, pos + lead, 'a second "#" separator; TGF has one, between arguments and attacks')
        inAttacks = true
      } else {
        const words = line.split(/\s+/)
        if (!inAttacks) {
          // TGF allows a label after the name; only the name identifies the argument.
          const name = words[0]!
          if (!declared.has(name)) declared.set(name, declared.size)
        } else {
          if (words.length < 2) {
            return fail(
              bytes,
              pos + lead,
              `an attack needs two argument names ("attacker attacked"), found "${line}"`
            )
          }
          const secondAt = raw.indexOf(words[1]!, lead + words[0]!.length)
          named.push({
            from: words[0]!,
            to: words[1]!,
            offset: pos + lead,
            fromOffset: pos + lead,
            toOffset: pos + new TextEncoder().encode(raw.slice(0, secondAt)).length
          })
        }
      }
    }
    pos = end + 1
  }
  if (!inAttacks && declared.size === 0) {
    return fail(bytes, 0, 'the file is empty: TGF lists argument names, a line "#", then attacks')
  }
  return finishNamed(bytes, "tgf", declared, named)
}
