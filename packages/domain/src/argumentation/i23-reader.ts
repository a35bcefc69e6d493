import { CR, copyOf, HASH, isBlank, NINE, NL, SPACE, TAB, ZERO } from "./bytes.ts"
import { type Framework, fromSourceBuckets } from "./framework.ts"
import { groundedLabelling, propagate } from "./grounded.ts"
import type { FormatError, Instance } from "./instance.ts"
import { Label, type Labelling } from "./label.ts"

/**
 * The ICCMA'23 reader (`p af N`, then `i j` per attack, `#` comments, arguments 1..N), fed a chunk at a
 * time: a file of millions of attacks is read as it comes off the disk, never held whole nor turned into
 * a string. Each chunk is scanned up to its last newline with a hand-written digit loop; the unfinished
 * line at its end is kept and read with the next chunk.
 */
export interface I23Reader {
  /** Reads the complete lines of `chunk` (and the line the previous chunk left unfinished). */
  readonly push: (chunk: Uint8Array) => FormatError | undefined
  /** Reads what is left, and gives the attacks read, or where the file is wrong. */
  readonly end: () => ScanResult
}

/** The attacks of an ICCMA'23 file as read, before the framework is built (0-based). */
export interface I23Scan {
  readonly size: number
  readonly count: number
  readonly sources: Int32Array
  readonly targets: Int32Array
  /** Attacks came grouped by attacker in increasing order (then `targets` already is bucketed). */
  readonly sortedBySource: boolean
}

export type ScanResult =
  | { readonly ok: true; readonly scan: I23Scan }
  | { readonly ok: false; readonly error: FormatError }

/** Beyond this a framework cannot be held in typed arrays on an ordinary machine. */
export const MAX_ARGUMENTS = 100_000_000

/** What stands at `offset` of a line, quoted for a message: a word, or the end of the line. */
export const describeAt = (bytes: Uint8Array, offset: number, end = bytes.length): string => {
  if (offset >= end) return "the end of the file"
  const c = bytes[offset]!
  if (c === NL || c === CR) return "the end of the line"
  let stop = offset
  while (stop < end && stop - offset < 20 && !isBlank(bytes[stop]!) && bytes[stop] !== NL) stop++
  return `"${new TextDecoder().decode(bytes.subarray(offset, stop))}"`
}

/**
 * A reader of an ICCMA'23 file. `sizeHint`, the file's length in bytes when known, sizes the attack
 * arrays once (an attack takes at least 4 bytes, "1 2\n"); pages never written stay untouched in memory.
 */
export const i23Reader = (sizeHint?: number): I23Reader => {
  let size = -1
  let sources = new Int32Array(0)
  let targets = new Int32Array(0)
  let count = 0
  let previousSource = 0
  let sortedBySource = true
  // The line number of the next line to read, for messages.
  let line = 1
  let failed: FormatError | undefined
  let carry: Uint8Array | undefined

  const failAt = (lineStart: number, offset: number, message: string): FormatError => {
    failed = { line, column: offset - lineStart + 1, message }
    return failed
  }

  const grow = () => {
    const capacity = Math.max(16, count * 2)
    const grownSources = new Int32Array(capacity)
    grownSources.set(sources)
    sources = grownSources
    const grownTargets = new Int32Array(capacity)
    grownTargets.set(targets)
    targets = grownTargets
  }

  const header = (bytes: Uint8Array, lineStart: number, at: number): number | FormatError => {
    let pos = at
    if (bytes[pos] !== 112 /* p */)
      return failAt(
        lineStart,
        pos,
        `expected the header "p af N" before any attack, found ${describeAt(bytes, pos)}`
      )
    pos++
    if (!isBlank(bytes[pos]!))
      return failAt(lineStart, pos, `expected "p af N", found ${describeAt(bytes, pos - 1)}`)
    while (bytes[pos] === SPACE || bytes[pos] === TAB) pos++
    const afterAf = bytes[pos + 2]
    if (bytes[pos] !== 97 /* a */ || bytes[pos + 1] !== 102 /* f */ || !(afterAf === NL || isBlank(afterAf!)))
      return failAt(lineStart, pos, `expected "af" after "p" in the header, found ${describeAt(bytes, pos)}`)
    pos += 2
    while (bytes[pos] === SPACE || bytes[pos] === TAB) pos++
    const numberStart = pos
    let n = 0
    while (bytes[pos]! >= ZERO && bytes[pos]! <= NINE) {
      n = n * 10 + (bytes[pos]! - ZERO)
      if (n > MAX_ARGUMENTS)
        return failAt(
          lineStart,
          numberStart,
          `the header declares more than ${MAX_ARGUMENTS} arguments, more than can be held`
        )
      pos++
    }
    if (pos === numberStart)
      return failAt(
        lineStart,
        pos,
        `expected the number of arguments after "p af", found ${describeAt(bytes, pos)}`
      )
    while (isBlank(bytes[pos]!)) pos++
    if (bytes[pos] !== NL)
      return failAt(lineStart, pos, `unexpected ${describeAt(bytes, pos)} after the header "p af ${n}"`)
    size = n
    const capacity = Math.max(16, Math.floor((sizeHint ?? 1 << 16) / 4) + 1)
    sources = new Int32Array(capacity)
    targets = new Int32Array(capacity)
    return pos + 1
  }

  /**
   * The hot loop: reads lines of the plain form "i j\n" from `pos` for as long as they come, with every
   * piece of state in a local variable, and returns where it stopped. Anything else (a comment, a blank
   * line, a tab, a carriage return, a mistake) is left to the general loop, which reads that line and
   * says what is wrong with it.
   */
  const plainAttacks = (bytes: Uint8Array, from: number, to: number): number => {
    let pos = from
    let lines = line
    let n = count
    let attackers = sources
    let attacked = targets
    let previous = previousSource
    let sorted = sortedBySource
    const arguments_ = size
    while (pos < to) {
      const lineStart = pos
      let c = bytes[pos]!
      if (c < ZERO || c > NINE) break
      let a = 0
      do {
        a = a * 10 + (c - ZERO)
        c = bytes[++pos]!
      } while (c >= ZERO && c <= NINE)
      if (c !== SPACE) {
        pos = lineStart
        break
      }
      c = bytes[++pos]!
      let b = 0
      const bStart = pos
      while (c >= ZERO && c <= NINE) {
        b = b * 10 + (c - ZERO)
        c = bytes[++pos]!
      }
      if (c !== NL || pos === bStart || a < 1 || a > arguments_ || b < 1 || b > arguments_) {
        pos = lineStart
        break
      }
      pos++
      lines++
      if (n === attackers.length) {
        count = n
        grow()
        attackers = sources
        attacked = targets
      }
      if (a < previous) sorted = false
      previous = a
      attackers[n] = a - 1
      attacked[n] = b - 1
      n++
    }
    line = lines
    count = n
    previousSource = previous
    sortedBySource = sorted
    return pos
  }

  /** Reads the lines of bytes[from..to), which ends with a newline: every scan inside a line stops on it. */
  const scan = (bytes: Uint8Array, from: number, to: number): FormatError | undefined => {
    let pos = from
    while (pos < to) {
      if (size >= 0) {
        pos = plainAttacks(bytes, pos, to)
        if (pos >= to) break
      }
      const lineStart = pos
      let c = bytes[pos]!
      while (c === SPACE || c === TAB) c = bytes[++pos]!
      if (c === NL || c === CR) {
        while (bytes[pos] !== NL) {
          if (!isBlank(bytes[pos]!)) return failAt(lineStart, pos, `unexpected ${describeAt(bytes, pos)}`)
          pos++
        }
        pos++
        line++
        continue
      }
      if (c === HASH) {
        while (bytes[pos] !== NL) pos++
        pos++
        line++
        continue
      }
      if (size < 0) {
        const next = header(bytes, lineStart, pos)
        if (typeof next !== "number") return next
        pos = next
        line++
        continue
      }
      // Attack line: i j
      let a = 0
      const aStart = pos
      while (c >= ZERO && c <= NINE) {
        a = a * 10 + (c - ZERO)
        c = bytes[++pos]!
      }
      if (pos === aStart) {
        if (c === 112)
          return failAt(lineStart, pos, 'a second header line; the header "p af N" must appear once')
        return failAt(
          lineStart,
          pos,
          `expected an attacking argument number, found ${describeAt(bytes, pos)}`
        )
      }
      if (a < 1 || a > size)
        return failAt(
          lineStart,
          aStart,
          `argument ${a} does not exist: the header declares arguments 1..${size}`
        )
      if (c !== SPACE && c !== TAB)
        return failAt(
          lineStart,
          pos,
          `expected a space and the attacked argument after ${a}, found ${describeAt(bytes, pos)}`
        )
      while (c === SPACE || c === TAB) c = bytes[++pos]!
      let b = 0
      const bStart = pos
      while (c >= ZERO && c <= NINE) {
        b = b * 10 + (c - ZERO)
        c = bytes[++pos]!
      }
      if (pos === bStart)
        return failAt(
          lineStart,
          pos,
          `expected the attacked argument number after ${a}, found ${describeAt(bytes, pos)}`
        )
      if (b < 1 || b > size)
        return failAt(
          lineStart,
          bStart,
          `argument ${b} does not exist: the header declares arguments 1..${size}`
        )
      while (c === SPACE || c === TAB || c === CR) c = bytes[++pos]!
      if (c !== NL)
        return failAt(
          lineStart,
          pos,
          `expected the end of the line after the attack "${a} ${b}", found ${describeAt(bytes, pos)}`
        )
      pos++
      line++
      if (count === sources.length) grow()
      if (a < previousSource) sortedBySource = false
      previousSource = a
      sources[count] = a - 1
      targets[count] = b - 1
      count++
    }
    return undefined
  }

  const push = (chunk: Uint8Array): FormatError | undefined => {
    if (failed !== undefined) return failed
    let from = 0
    if (carry !== undefined) {
      // The line the last chunk left unfinished, completed from this one's first line.
      const firstNewline = chunk.indexOf(NL)
      if (firstNewline < 0) {
        carry = concat(carry, chunk)
        return undefined
      }
      const joined = concat(carry, chunk.subarray(0, firstNewline + 1))
      carry = undefined
      const problem = scan(joined, 0, joined.length)
      if (problem !== undefined) return problem
      from = firstNewline + 1
    }
    const lastNewline = chunk.lastIndexOf(NL)
    if (lastNewline >= from) {
      const problem = scan(chunk, from, lastNewline + 1)
      if (problem !== undefined) return problem
      from = lastNewline + 1
    }
    if (from < chunk.length) carry = copyOf(chunk.subarray(from))
    return undefined
  }

  const end = (): ScanResult => {
    if (failed === undefined && carry !== undefined) {
      const last = concat(carry, Uint8Array.of(NL))
      carry = undefined
      scan(last, 0, last.length)
    }
    if (failed !== undefined) return { ok: false, error: failed }
    if (size < 0)
      return {
        ok: false,
        error: {
          line,
          column: 1,
          message: 'no header: an ICCMA\'23 file starts with "p af N" (N = number of arguments)'
        }
      }
    return { ok: true, scan: { size, count, sources, targets, sortedBySource } }
  }

  return { push, end }
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

/** Reads a whole ICCMA'23 file held in memory. */
export const scanI23 = (bytes: Uint8Array): ScanResult => {
  const reader = i23Reader(bytes.length)
  reader.push(bytes)
  return reader.end()
}

/**
 * The attacks bucketed by attacker: row starts (length size + 1) and the attacked arguments, row by row.
 * Counting is a pass of its own rather than part of the reading loop, where the scattered increments
 * slowed every line down.
 */
const bySource = (scan: I23Scan): { readonly start: Int32Array; readonly attacked: Int32Array } => {
  const { size, count, sources, targets } = scan
  const start = new Int32Array(size + 1)
  for (let i = 0; i < count; i++) start[sources[i]! + 1]!++
  for (let x = 0; x < size; x++) start[x + 1]! += start[x]!
  // Files written attacker by attacker (the usual way) are bucketed already.
  if (scan.sortedBySource) return { start, attacked: targets.subarray(0, count) }
  const fill = start.slice(0, size)
  const attacked = new Int32Array(count)
  for (let i = 0; i < count; i++) attacked[fill[sources[i]!]!++] = targets[i]!
  return { start, attacked }
}

/** Builds the framework of a scanned ICCMA'23 file. */
export const buildScanned = (scan: I23Scan): Framework => {
  const { start, attacked } = bySource(scan)
  return fromSourceBuckets(scan.size, start, attacked, new Int32Array(Math.max(scan.size, 1)))
}

/**
 * The grounded labelling of a scanned file, straight from its attacks: the counting algorithm needs only
 * who each argument attacks and how many attack it, not the sorted, de-duplicated rows of a framework,
 * whose building would cost more than the labelling. A repeated attack is counted and walked as often as
 * it is written, so it changes nothing.
 */
export const groundedOfScan = (scan: I23Scan): Labelling => {
  const { size, count, targets } = scan
  const { start, attacked } = bySource(scan)
  const remaining = new Int32Array(size)
  for (let i = 0; i < count; i++) remaining[targets[i]!]!++
  const labels = new Uint8Array(size)
  const queue = new Int32Array(size)
  let tail = 0
  for (let x = 0; x < size; x++)
    if (remaining[x] === 0) {
      labels[x] = Label.In
      queue[tail++] = x
    }
  propagate({ attackedStart: start, attacked }, labels, remaining, queue, tail, Label.Undec)
  return labels
}

/**
 * An instance read from an ICCMA'23 file (arguments named 1..N), from its scan or a framework. From a
 * scan, the framework is built only when a task reads it.
 */
export const i23Instance = (source: Framework | I23Scan): Instance => {
  const scan = "count" in source ? source : undefined
  let framework = scan === undefined ? (source as Framework) : undefined
  const size = source.size
  return {
    format: "i23",
    get framework() {
      framework ??= buildScanned(scan!)
      return framework
    },
    groundedLabelling: () => (framework === undefined ? groundedOfScan(scan!) : groundedLabelling(framework)),
    nameOf: (x) => String(x + 1),
    argumentNamed: (name) => {
      if (!/^[0-9]+$/.test(name)) return undefined
      const v = Number(name)
      return v >= 1 && v <= size ? v - 1 : undefined
    }
  }
}
