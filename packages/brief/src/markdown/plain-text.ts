import type { Text } from "mdast"
import { defaultHandlers, type Handle, type State, type Unsafe } from "mdast-util-to-markdown"

/**
 * The serialiser's own text handler, shown only the unsafe patterns that can match the text. The
 * default handler runs every unsafe pattern (93 with GFM) over every text node, and a brief of a large
 * case has hundreds of thousands of them. A pattern matches only where its character stands, so one
 * whose character is in neither the text nor the characters around it can escape nothing there: the
 * handler is given the serialiser's state with the rest of the patterns only, and writes the same
 * bytes.
 */
export const plainText: Handle = (node: Text, parent, state, info) => {
  const patterns = patternsFor(state.unsafe, info.before, node.value, info.after)
  // With no pattern to match there is nothing to escape, but for a backslash (escaped before punctuation).
  if (patterns.length === 0 && !node.value.includes("\\") && !info.after.includes("\\")) return node.value
  // The same text in the same place is written the same: a brief's tables repeat their cells ("consistent",
  // "2.00") thousands of times. What the escaping reads is all in the key: the text, the characters
  // around it, the constructs it is in, the kinds of node beside it and the characters to encode.
  const siblings = parent?.children ?? []
  const at = state.indexStack[state.indexStack.length - 1] ?? -1
  const key = `${node.value}\u0000${info.before}\u0000${info.after}\u0000${state.stack.join("/")}\u0000${siblings[at - 1]?.type ?? ""}\u0000${siblings[at + 1]?.type ?? ""}\u0000${(info as { readonly encode?: ReadonlyArray<string> }).encode?.join("") ?? ""}`
  const written = writtenBy(patterns)
  const known = written.get(key)
  if (known !== undefined) return known
  const text =
    patterns === state.unsafe
      ? defaultHandlers.text(node, parent, state, info)
      : defaultHandlers.text(
          node,
          parent,
          Object.create(state, { unsafe: { value: patterns } }) as State,
          info
        )
  written.set(key, text)
  return text
}

/** What texts were written as, for each set of patterns (one serialisation's own, held while it is). */
const writtenTexts = new WeakMap<ReadonlyArray<Unsafe>, Map<string, string>>()

const writtenBy = (patterns: ReadonlyArray<Unsafe>): Map<string, string> => {
  let written = writtenTexts.get(patterns)
  if (written === undefined) {
    written = new Map()
    writtenTexts.set(patterns, written)
  }
  return written
}

/**
 * The first character the handler would write, for the serialiser's look at what follows a node: it
 * serialises the next node whole only to read its first character. A text whose first character no
 * unsafe pattern opens with (nor a backslash) is written starting with that character, since escapes
 * and references go only where a pattern's character stands; for any other, the handler is run.
 */
const peekText: Handle = (node: Text, parent, state, info) => {
  const code = node.value.charCodeAt(0)
  if (code < 128 && code !== 92) {
    const index = indexOf(state.unsafe)
    if (!index.wide && index.slot[code] === -1) return node.value.charAt(0)
  }
  return plainText(node, parent, state, info)
}
;(plainText as Handle & { peek?: Handle }).peek = peekText

interface PatternIndex {
  /** For each character code below 128, the distinct character it stands for among the patterns' first. */
  readonly slot: Int16Array
  /** The patterns' first characters, each once. */
  readonly characters: ReadonlyArray<string>
  /** The patterns opening with each of those characters, by its slot. */
  readonly bySlot: ReadonlyArray<ReadonlyArray<Unsafe>>
  /** Whether some pattern opens with a character past the ASCII range (then no pattern is left out). */
  readonly wide: boolean
  /** The patterns kept for each set of characters met, by its key. */
  readonly kept: Map<string, ReadonlyArray<Unsafe>>
  /** Which slots the text at hand holds (cleared after each text). */
  readonly seen: Uint8Array
}

const indexes = new WeakMap<ReadonlyArray<Unsafe>, PatternIndex>()

const indexOf = (patterns: ReadonlyArray<Unsafe>): PatternIndex => {
  const known = indexes.get(patterns)
  if (known !== undefined) return known
  const slot = new Int16Array(128).fill(-1)
  const characters: Array<string> = []
  const bySlot: Array<Array<Unsafe>> = []
  let wide = false
  for (const pattern of patterns) {
    const code = pattern.character.charCodeAt(0)
    // A pattern with no character, or one past ASCII, is not indexed: then every text sees every pattern.
    if (!(code < 128)) {
      wide = true
      continue
    }
    if (slot[code] === -1) {
      slot[code] = characters.length
      characters.push(pattern.character.charAt(0))
      bySlot.push([])
    }
    bySlot[slot[code]!]!.push(pattern)
  }
  const index = { slot, characters, bySlot, wide, kept: new Map(), seen: new Uint8Array(characters.length) }
  indexes.set(patterns, index)
  return index
}

/** The patterns whose first character stands in `before`, `value` or `after`, in their order. */
const patternsFor = (
  patterns: ReadonlyArray<Unsafe>,
  before: string,
  value: string,
  after: string
): ReadonlyArray<Unsafe> => {
  const index = indexOf(patterns)
  if (index.wide) return patterns
  const { slot, seen } = index
  const mark = (text: string) => {
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      if (code < 128) {
        const found = slot[code]!
        if (found >= 0) seen[found] = 1
      }
    }
  }
  mark(before)
  mark(value)
  mark(after)
  let key = ""
  for (let at = 0; at < seen.length; at++)
    if (seen[at] === 1) {
      key += index.characters[at]
      seen[at] = 0
    }
  let kept = index.kept.get(key)
  if (kept === undefined) {
    const wanted = new Set<Unsafe>()
    for (const character of key)
      for (const pattern of index.bySlot[slot[character.charCodeAt(0)]!]!) wanted.add(pattern)
    kept = patterns.filter((pattern) => wanted.has(pattern))
    index.kept.set(key, kept)
  }
  return kept
}
