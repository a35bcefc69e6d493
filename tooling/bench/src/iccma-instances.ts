/**
 * ICCMA'23 instances for the benchmarks, written by a seeded generator so that runs are comparable:
 * random, random written attacker by attacker, acyclic, admbuster-like, and many small components.
 */
import { closeSync, openSync, writeSync } from "node:fs"

const seeded = (seed: number) => {
  let s = seed >>> 0
  return () => {
    // xorshift32: deterministic, fast, good enough for instance generation
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 0x100000000
  }
}

/** Streams "i j" lines into a file through a byte buffer (no per-line strings). */
const writer = (path: string, header: string) => {
  const fd = openSync(path, "w")
  const buffer = Buffer.allocUnsafe(1 << 22)
  let used = 0
  const flush = () => {
    writeSync(fd, buffer, 0, used)
    used = 0
  }
  const writeNumber = (v: number) => {
    if (v >= 10) writeNumber(Math.floor(v / 10))
    buffer[used++] = 48 + (v % 10)
  }
  used += buffer.write(header, used)
  return {
    attack: (a: number, b: number) => {
      if (used > buffer.length - 32) flush()
      writeNumber(a)
      buffer[used++] = 32
      writeNumber(b)
      buffer[used++] = 10
    },
    close: () => {
      flush()
      closeSync(fd)
    }
  }
}

export type Kind = "random" | "random-sorted" | "acyclic" | "admbuster" | "components"

export const generate = (kind: Kind, n: number, m: number, path: string): void => {
  const rnd = seeded(n * 31 + m + kind.length)
  const pick = (k: number) => Math.floor(rnd() * k)
  if (kind === "admbuster") {
    // Argument a (1) attacked by b1 and c1; b(i+1) -> b(i), c(i+1) -> c(i), crossing at every other level.
    const k = Math.floor((n - 1) / 2)
    const out = writer(path, `p af ${2 * k + 1}\n`)
    const b = (i: number) => 2 * i
    const c = (i: number) => 2 * i + 1
    out.attack(b(1), 1)
    out.attack(c(1), 1)
    for (let i = 1; i < k; i++) {
      out.attack(b(i + 1), b(i))
      out.attack(c(i + 1), c(i))
      if (i % 2 === 1) {
        out.attack(c(i + 1), b(i))
        out.attack(b(i + 1), c(i))
      }
    }
    out.close()
    return
  }
  const out = writer(path, `p af ${n}\n`)
  if (kind === "random") {
    for (let i = 0; i < m; i++) out.attack(1 + pick(n), 1 + pick(n))
  } else if (kind === "random-sorted") {
    // The same distribution, written attacker by attacker as ICCMA generators usually do.
    const perSource = new Int32Array(n + 1)
    for (let i = 0; i < m; i++) perSource[1 + pick(n)]!++
    for (let a = 1; a <= n; a++) for (let k = perSource[a]!; k > 0; k--) out.attack(a, 1 + pick(n))
  } else if (kind === "acyclic") {
    // Attacks only from a lower to a higher number: no cycles, grounded decides everything.
    for (let i = 0; i < m; i++) {
      const a = 1 + pick(n - 1)
      out.attack(a, a + 1 + pick(Math.min(n - a, 1000)))
    }
  } else {
    // Components of 2-8 arguments with dense random attacks inside, plus a few attacks
    // from each component to the next (so components form a chain of SCCs).
    let first = 1
    let written = 0
    while (first <= n) {
      const size = Math.min(2 + pick(7), n - first + 1)
      const per = Math.max(1, Math.round((m / n) * size) - 1)
      for (let i = 0; i < per && written < m; i++, written++)
        out.attack(first + pick(size), first + pick(size))
      if (first + size <= n && written < m) {
        out.attack(first + pick(size), first + size + pick(Math.min(8, n - first - size + 1)))
        written++
      }
      first += size
    }
  }
  out.close()
}
