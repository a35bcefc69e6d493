import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs"
import { Result } from "effect"
import { fileProblem } from "./file-problem.ts"

/**
 * The longest text Allegiance reads in one piece: JavaScript strings stop a little beyond 500 MB, and a
 * case file that large is not a case file.
 */
export const largestTextBytes = 512 * 1024 * 1024

/** Where the first byte that is not UTF-8 sits, or undefined when all of `bytes` is UTF-8. */
export const firstNonUtf8 = (bytes: Uint8Array): number | undefined => {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let code = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return i
      code = (code << 6) | (next & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += need + 1
  }
  return undefined
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true })

/** Line and column (from 1, counting characters) of a byte offset in UTF-8 text. */
const positionOf = (
  bytes: Uint8Array,
  offset: number
): { readonly line: number; readonly column: number } => {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 10) {
      line++
      lineStart = i + 1
    }
  let column = 1
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++
  return { line, column }
}

/**
 * A text file read whole, as UTF-8. Refused, with a sentence saying why and where: a file that cannot be
 * read, that is not a regular file (a folder, a device, a pipe, which might never end), that is larger
 * than `largestTextBytes`, or that holds a byte that is not UTF-8 (its line and column). Nothing is ever
 * silently replaced.
 */
export const readTextFile = (path: string): Result.Result<string, string> => {
  let fd: number
  try {
    // Without O_NONBLOCK, opening a pipe waits for a writer that may never come.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    return Result.fail(fileProblem(error, path, "read"))
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) return Result.fail(`${path}: cannot read the file: it is a folder, not a file.`)
    if (!stats.isFile())
      return Result.fail(
        `${path}: cannot read the file: it is not a regular file (a device, a pipe or a socket); save the case to a file first.`
      )
    if (stats.size > largestTextBytes)
      return Result.fail(
        `${path}: cannot read the file: it holds ${Math.round(stats.size / 1024 / 1024)} MB, more than the ${largestTextBytes / 1024 / 1024} MB Allegiance reads in one file.`
      )
    const bytes = new Uint8Array(stats.size)
    let filled = 0
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null)
      if (read === 0) break
      filled += read
    }
    const content = filled === bytes.length ? bytes : bytes.subarray(0, filled)
    try {
      return Result.succeed(strictUtf8.decode(content))
    } catch {
      // The decoder only says that the text is not UTF-8; where is worth a second pass.
      const bad = firstNonUtf8(content) ?? 0
      const { line, column } = positionOf(content, bad)
      return Result.fail(
        `${path}:${line}:${column}: the file is not UTF-8 text: byte ${bad + 1} (0x${content[bad]!.toString(16).padStart(2, "0")}) is not part of any character. Save the file as UTF-8 and try again; nothing was read.`
      )
    }
  } catch (error) {
    return Result.fail(fileProblem(error, path, "read"))
  } finally {
    closeSync(fd)
  }
}
