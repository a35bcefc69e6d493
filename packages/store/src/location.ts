/**
 * Where the store file lives when nobody says: the user's data directory
 * (`$XDG_DATA_HOME` on Linux), unless `ALLEGIANCE_DB` or a `--db` flag names a file.
 */
import { homedir } from "node:os"
import { isAbsolute, join } from "node:path"

export const storeEnvironmentVariable = "ALLEGIANCE_DB"

export interface LocationInputs {
  /** The `--db` flag, when given. */
  readonly flag?: string | undefined
  readonly env: Readonly<Record<string, string | undefined>>
  readonly platform: NodeJS.Platform
  readonly home: string
}

/** The user's data directory for this platform, per its conventions. */
export const dataDirectory = (inputs: Omit<LocationInputs, "flag">): string => {
  const { env, platform, home } = inputs
  if (platform === "win32") return env.LOCALAPPDATA || join(home, "AppData", "Local")
  if (platform === "darwin") return join(home, "Library", "Application Support")
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME
  return xdg && isAbsolute(xdg) ? xdg : join(home, ".local", "share")
}

/** The store file to use: the flag, else the environment variable, else the default. */
export const storePath = (inputs: LocationInputs): string => {
  if (inputs.flag !== undefined && inputs.flag !== "") return inputs.flag
  const fromEnv = inputs.env[storeEnvironmentVariable]
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv
  return join(dataDirectory(inputs), "allegiance", "allegiance.db")
}

/** `storePath` for the running process. */
export const currentStorePath = (flag?: string | undefined): string =>
  storePath({ flag, env: process.env, platform: process.platform, home: homedir() })
