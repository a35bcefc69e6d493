import { randomBytes } from "node:crypto"
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync
} from "node:fs"
import { basename, dirname, join, resolve } from "node:path"
import { Effect } from "effect"
import { BriefError } from "./brief-error.ts"

const what = (stats: Stats): string =>
  stats.isDirectory()
    ? "a folder"
    : stats.isFIFO()
      ? "a pipe"
      : stats.isSocket()
        ? "a socket"
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? "a device"
          : "not a regular file"

/** Why a file could not be written, in words (never the system's error code). */
const because = (error: unknown, folder: string): string => {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
    case "ENOTDIR":
      return `the folder ${folder} does not exist`
    case "EACCES":
    case "EPERM":
      return `you may not write in ${folder}`
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full"
    case "EROFS":
      return `${folder} is on a read-only disk`
    default:
      return "the system refused to write it"
  }
}

const lookAt = (path: string, stat: (path: string) => Stats): Stats | undefined => {
  try {
    return stat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined
    throw error
  }
}

/**
 * Writes `text` to `file` whole or not at all: through a temporary file in the same folder, synced, then
 * renamed over the file, so that a reader never sees half a brief and a failure leaves the old file as it
 * was. An existing file keeps its permissions; a link to a file is written through (the link stays). A
 * folder, a device, a pipe or a link to nothing is refused, and nothing is written.
 */
export const writeWhole = (file: string, text: string): Effect.Effect<void, BriefError> =>
  Effect.try({
    try: () => {
      const asked = resolve(file)
      const link = lookAt(asked, lstatSync)
      const existing = link === undefined ? undefined : lookAt(asked, statSync)
      if (link !== undefined && existing === undefined)
        throw new BriefError({
          message: `${file} is a link to a file that does not exist: nothing was written. Give the name of a file to write the brief to.`
        })
      if (existing !== undefined && !existing.isFile())
        throw new BriefError({
          message: `${file} is ${what(existing)}, not a file: nothing was written. Give the name of a file to write the brief to.`
        })
      const target = existing === undefined ? asked : realpathSync(asked)
      const folder = dirname(target)
      const temporary = join(
        folder,
        `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
      )
      let descriptor: number | undefined
      try {
        descriptor = openSync(temporary, "wx", 0o666)
        if (existing !== undefined) fchmodSync(descriptor, existing.mode & 0o7777)
        writeSync(descriptor, text)
        fsyncSync(descriptor)
        closeSync(descriptor)
        descriptor = undefined
        renameSync(temporary, target)
      } catch (error) {
        if (descriptor !== undefined) closeSync(descriptor)
        try {
          unlinkSync(temporary)
        } catch {
          // It was never made, or is gone already.
        }
        throw new BriefError({
          message: `Cannot write the brief to ${file}: ${because(error, folder)}. Nothing was written.`
        })
      }
    },
    catch: (error) =>
      error instanceof BriefError
        ? error
        : new BriefError({
            message: `Cannot write the brief to ${file}: ${because(error, dirname(resolve(file)))}. Nothing was written.`
          })
  })
