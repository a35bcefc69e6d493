import { CR, HASH, isBlank, NL, SPACE, TAB } from "./bytes.ts"
import type { Framework } from "./framework.ts"
import type { Labelling } from "./label.ts"

/**
 * The instance formats of the International Competition on Computational Models of Argumentation:
 * ICCMA'23 (`p af N`, then `i j` per attack, `#` comments, arguments 1..N), and the older ASPARTIX (APX:
 * `arg(a).`, `att(a,b).`) and trivial graph format (TGF: argument names, a `#` line, then `a b` per attack).
 */
export type InstanceFormat = "i23" | "apx" | "tgf"

export const instanceFormats: ReadonlyArray<InstanceFormat> = ["i23", "apx", "tgf"]

export interface Instance {
  readonly format: InstanceFormat
  /** The framework, built when first read (a task that needs only the grounded labelling never builds it). */
  readonly framework: Framework
  /** The grounded labelling, worked out from the attacks as read where that is quicker than from the framework. */
  readonly groundedLabelling: () => Labelling
  /** Name of each argument as written in the file (ICCMA'23: "1".."N"). */
  readonly nameOf: (argument: number) => string
  /** Argument index of a name as written in the file, or undefined. */
  readonly argumentNamed: (name: string) => number | undefined
}

/** Where and why a file could not be read. Lines and columns count from 1; columns count bytes. */
export interface FormatError {
  readonly line: number
  readonly column: number
  readonly message: string
}

export type ParseResult =
  | { readonly ok: true; readonly instance: Instance }
  | { readonly ok: false; readonly error: FormatError }

/**
 * Guesses the format from the first line that is neither blank nor a comment, or undefined when `bytes`
 * (the start of a file) holds no such line yet.
 */
export const detectFormatOf = (bytes: Uint8Array): InstanceFormat | undefined => {
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
    if (i + 4 > bytes.length && bytes.indexOf(NL, i) < 0) return undefined
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
  return undefined
}

/** Guesses the format of a whole file from its first line that is neither blank nor a comment. */
export const detectFormat = (bytes: Uint8Array): InstanceFormat => detectFormatOf(bytes) ?? "i23"
