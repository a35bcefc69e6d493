import { randomBytes } from "node:crypto"
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync
} from "node:fs"
import { basename, dirname, join } from "node:path"
import { Result } from "effect"
import { fileProblem } from "./file-problem.ts"

const whatItIs = (stats: Stats): string =>
  stats.isDirectory()
    ? "a folder"
    : stats.isFIFO()
      ? "a pipe"
      : stats.isSocket()
        ? "a socket"
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? "a device"
          : "something other than a file"

/**
 * Writes a file whole or not at all: into a temporary file in the same folder (so that the rename
 * that replaces the target is atomic), flushed to disk, then renamed over it. An existing file keeps its
 * permissions; a link to a file is written through (the file it points to is replaced, the link stays);
 * anything that is not a regular file (a folder, a device such as /dev/full, a pipe, a link to nothing)
 * is refused rather than replaced; and on any failure the temporary file is removed, so a full disk
 * leaves the target as it was and nothing behind.
 */
export const writeFileWhole = (path: string, content: string | Uint8Array): Result.Result<void, string> => {
  let mode: number | undefined
  let target = path
  try {
    const link = lstatSync(path)
    let existing = link
    if (link.isSymbolicLink()) {
      try {
        existing = statSync(path)
        target = realpathSync(path)
      } catch {
        return Result.fail(`${path}: not written: it is a link to a file that does not exist.`)
      }
    }
    if (!existing.isFile())
      return Result.fail(`${path}: not written: it is ${whatItIs(existing)}, not a file.`)
    mode = existing.mode & 0o7777
  } catch (error) {
    if ((error as { readonly code?: unknown }).code !== "ENOENT")
      return Result.fail(fileProblem(error, path, "write"))
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`)
  let fd: number | undefined
  try {
    // "wx": a temporary file of that name is never someone else's, and is never followed through a link.
    fd = openSync(temporary, "wx", mode ?? 0o666)
    // The mode given to open is narrowed by the umask; an existing file keeps exactly its own.
    if (mode !== undefined) fchmodSync(fd, mode)
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temporary, target)
    return Result.void
  } catch (error) {
    if (fd !== undefined)
      try {
        closeSync(fd)
      } catch {
        // The write failed already; the file is removed next either way.
      }
    rmSync(temporary, { force: true })
    return Result.fail(fileProblem(error, path, "write"))
  }
}
