import { copyOf } from "./bytes.ts"
import { i23Instance, i23Reader } from "./i23-reader.ts"
import { detectFormatOf, type FormatError, type InstanceFormat, type ParseResult } from "./instance.ts"
import { apxReader, tgfReader } from "./named-reader.ts"

/**
 * Reading an argumentation framework from a file in any ICCMA format, a chunk at a time: feed every
 * chunk to `push`, then call `end`. The format is the one given, or the one the file's first line shows.
 * Readers work on bytes, so a file of millions of attacks is never decoded into a string.
 */
export interface InstanceReader {
  /** Reads the next chunk; once a problem is found, every later call returns it. */
  readonly push: (chunk: Uint8Array) => FormatError | undefined
  readonly end: () => ParseResult
}

/** `sizeHint`, the file's length in bytes when known, lets the ICCMA'23 reader size its arrays once. */
export const instanceReader = (format?: InstanceFormat, sizeHint?: number): InstanceReader => {
  let reader: InstanceReader | undefined
  let head: Uint8Array | undefined
  const open = (chosen: InstanceFormat): InstanceReader => {
    if (chosen === "apx") return apxReader()
    if (chosen === "tgf") return tgfReader()
    const scanner = i23Reader(sizeHint)
    return {
      push: scanner.push,
      end: () => {
        const scanned = scanner.end()
        return scanned.ok ? { ok: true, instance: i23Instance(scanned.scan) } : scanned
      }
    }
  }
  if (format !== undefined) reader = open(format)
  return {
    push: (chunk) => {
      if (reader !== undefined) return reader.push(chunk)
      // Until a line says which format it is, the chunks are kept and given to the reader it names.
      head = head === undefined ? copyOf(chunk) : concat(head, chunk)
      const detected = detectFormatOf(head)
      if (detected === undefined) return undefined
      reader = open(detected)
      const first = head
      head = undefined
      return reader.push(first)
    },
    end: () => {
      if (reader === undefined) {
        reader = open(detectFormatOf(head ?? new Uint8Array(0)) ?? "i23")
        if (head !== undefined) reader.push(head)
      }
      return reader.end()
    }
  }
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

const readWhole = (bytes: Uint8Array, format?: InstanceFormat): ParseResult => {
  const reader = instanceReader(format, bytes.length)
  reader.push(bytes)
  return reader.end()
}

/** Reads a whole file held in memory, in the given format or the detected one. Never throws on bad input. */
export const parseInstance = (bytes: Uint8Array, format?: InstanceFormat): ParseResult =>
  readWhole(bytes, format)
export const parseI23 = (bytes: Uint8Array): ParseResult => readWhole(bytes, "i23")
export const parseApx = (bytes: Uint8Array): ParseResult => readWhole(bytes, "apx")
export const parseTgf = (bytes: Uint8Array): ParseResult => readWhole(bytes, "tgf")
