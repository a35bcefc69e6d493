/**
 * What a JSON case file's text says beyond what `JSON.parse` gives: how many keys it writes (a key
 * written twice in one object leaves the parsed object with one), where a field path starts (line and
 * column, for located problems), and which keys are written twice. Each is one pass over the text
 * without recursion, so that a file of any size or depth costs a scan, not a parse tree.
 */
import type { Path } from "./problem-words.ts"

/**
 * How many keys the text's objects write, all told. In JSON each key is a string followed by a colon;
 * inside a string a quote is always escaped, so a quote that is not escaped, right before a colon, ends
 * a key. Only a text that puts space between a key and its colon needs the slower count.
 */
export const keysWritten = (text: string): number => {
  if (/"\s+:/.test(text)) return colonsOutsideStrings(text)
  let keys = 0
  let at = text.indexOf('":')
  while (at !== -1) {
    let backslashes = 0
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++
    if (backslashes % 2 === 0) keys++
    at = text.indexOf('":', at + 2)
  }
  return keys
}

/** The colons outside strings: one per key, wherever the text puts its spaces. */
const colonsOutsideStrings = (text: string): number => {
  let keys = 0
  let at = 0
  let quote = text.indexOf('"')
  let colon = text.indexOf(":")
  while (colon !== -1) {
    if (quote === -1 || colon < quote) {
      keys++
      at = colon + 1
    } else {
      const end = stringEnd(text, quote)
      if (end === -1) return keys
      at = end + 1
    }
    if (quote !== -1 && quote < at) quote = text.indexOf('"', at)
    if (colon < at) colon = text.indexOf(":", at)
  }
  return keys
}

/** Where the string whose opening quote is at `quote` closes: the next quote not escaped by an odd run of backslashes. */
const stringEnd = (text: string, quote: number): number => {
  let end = quote
  for (;;) {
    end = text.indexOf('"', end + 1)
    if (end === -1) return -1
    let backslashes = 0
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++
    if (backslashes % 2 === 0) return end
  }
}

/** How many keys a parsed value's objects hold, all told, however deep it nests. */
export const keysHeld = (value: unknown): number => {
  let keys = 0
  const pending: Array<unknown> = [value]
  while (pending.length > 0) {
    const next = pending.pop()
    if (typeof next !== "object" || next === null) continue
    if (Array.isArray(next)) {
      for (const element of next) if (typeof element === "object" && element !== null) pending.push(element)
      continue
    }
    for (const key in next) {
      keys++
      const field = (next as Record<string, unknown>)[key]
      if (typeof field === "object" && field !== null) pending.push(field)
    }
  }
  return keys
}

interface Trie {
  readonly children: Map<string | number, Trie>
  offset: number
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9

/**
 * Records the start of every value whose path is in `wanted` (a trie of paths) in its trie node;
 * values off every wanted path are skipped without looking inside. With `repeated`, every object is
 * looked into, and each key written a second time in one object is pushed there with its path and
 * offset. The text must be valid JSON.
 */
const walk = (
  text: string,
  wanted: Trie,
  repeated?: Array<{ readonly path: Path; readonly offset: number }>
) => {
  type Frame = {
    readonly array: boolean
    readonly trie: Trie
    readonly key: string | number
    index: number
    keys: Set<string> | undefined
  }
  const stack: Array<Frame> = []
  let at = 0
  const skipSpace = () => {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++
  }
  /** Skips the value starting at `at`, however nested, to just after it. */
  const skipValue = () => {
    const code = text.charCodeAt(at)
    if (code === 34) {
      at = stringEnd(text, at) + 1
      return
    }
    if (code === 123 || code === 91) {
      let depth = 0
      for (;;) {
        const next = text.charCodeAt(at)
        if (next === 34) {
          at = stringEnd(text, at) + 1
          continue
        }
        if (next === 123 || next === 91) depth++
        else if (next === 125 || next === 93) {
          depth--
          if (depth === 0) {
            at++
            return
          }
        }
        at++
      }
    }
    while (at < text.length) {
      const next = text.charCodeAt(at)
      if (next === 44 || next === 93 || next === 125 || isSpace(next)) return
      at++
    }
  }
  const readKey = (): string => {
    const end = stringEnd(text, at)
    const raw = text.slice(at + 1, end)
    at = end + 1
    return raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw
  }
  /** Enters the value at `at` under `key`: records it, and looks inside only when a wanted path goes on. */
  const enter = (trie: Trie | undefined, key: string | number) => {
    skipSpace()
    if (trie === undefined) {
      skipValue()
      return
    }
    trie.offset = at
    const code = text.charCodeAt(at)
    if ((code !== 123 && code !== 91) || (trie.children.size === 0 && repeated === undefined)) {
      skipValue()
      return
    }
    stack.push({ array: code === 91, trie, key, index: 0, keys: undefined })
    at++
  }
  enter(wanted, "")
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    skipSpace()
    const code = text.charCodeAt(at)
    if (code === 44) {
      at++
      continue
    }
    if (code === 93 || code === 125) {
      at++
      stack.pop()
      continue
    }
    if (frame.array) {
      const index = frame.index++
      enter(frame.trie.children.get(index), index)
    } else {
      const keyAt = at
      const key = readKey()
      if (repeated !== undefined) {
        frame.keys ??= new Set()
        if (frame.keys.has(key))
          repeated.push({ path: [...stack.slice(1).map((open) => open.key), key], offset: keyAt })
        else frame.keys.add(key)
      }
      skipSpace()
      at++ // the colon
      enter(frame.trie.children.get(key), key)
    }
  }
}

const trieOf = (paths: ReadonlyArray<Path>): { root: Trie; nodes: Array<Array<Trie>> } => {
  const root: Trie = { children: new Map(), offset: -1 }
  const nodes = paths.map((path) => {
    const along = [root]
    let node = root
    for (const key of path) {
      let child = node.children.get(key)
      if (child === undefined) {
        child = { children: new Map(), offset: -1 }
        node.children.set(key, child)
      }
      along.push(child)
      node = child
    }
    return along
  })
  return { root, nodes }
}

/** Line and column (from 1) of each offset, in one pass over the text's line breaks. */
export const positionsOf = (
  text: string,
  offsets: ReadonlyArray<number>
): Array<{ readonly line: number; readonly column: number }> => {
  const order = offsets.map((_, at) => at).sort((a, b) => offsets[a]! - offsets[b]!)
  const positions = new Array<{ line: number; column: number }>(offsets.length)
  let line = 1
  let lineStart = 0
  let nextBreak = text.indexOf("\n")
  for (const at of order) {
    const offset = offsets[at]!
    while (nextBreak !== -1 && nextBreak < offset) {
      line++
      lineStart = nextBreak + 1
      nextBreak = text.indexOf("\n", lineStart)
    }
    positions[at] = { line, column: offset - lineStart + 1 }
  }
  return positions
}

/**
 * Where each path is in a JSON text, as the YAML reader places it: the start of the deepest value that
 * exists along the path (a missing field is reported where its object is).
 */
export const locateInJson = (
  text: string,
  paths: ReadonlyArray<Path>
): Array<{ readonly line: number; readonly column: number }> => {
  const { root, nodes } = trieOf(paths)
  walk(text, root)
  const offsets = nodes.map((along) => {
    for (let depth = along.length - 1; depth >= 0; depth--) {
      const offset = along[depth]!.offset
      if (offset !== -1) return offset
    }
    return 0
  })
  return positionsOf(text, offsets)
}

/** Every key written a second time in one object of a JSON text: its field path, and where it is written again. */
export const repeatedKeys = (text: string): Array<{ readonly path: Path; readonly offset: number }> => {
  // Every path is wanted: a trie node that answers itself for every key and index.
  const everything = { offset: -1 } as { offset: number; children: Map<string | number, Trie> }
  everything.children = { get: () => everything, size: 1 } as unknown as Map<string | number, Trie>
  const repeated: Array<{ path: Path; offset: number }> = []
  walk(text, everything, repeated)
  return repeated
}
