/**
 * How the subcommands that use the store open it: the `--db` flag, else $ALLEGIANCE_DB, else the
 * user's data folder. A new store is created, migrated and given the bundled seed case on first use.
 */
import { userInfo } from "node:os"
import { currentStorePath, FileStore, type StoreError, seedBundledCase } from "@allegiance/store"
import { outlineDigestMaker } from "@allegiance/present"
import { Console, Effect, Option } from "effect"

/**
 * The store named by the `--db` flag (or the default), ready to use. A case imported whole is kept
 * with the digest of its outline, which the terminal UI draws its first screen from.
 */
export const storeLayer = (db: Option.Option<string>) =>
  FileStore.layer({
    filename: currentStorePath(Option.getOrUndefined(db)),
    onCreate: seedBundledCase,
    digests: [outlineDigestMaker]
  })

/** Who a change is recorded as: $ALLEGIANCE_AUTHOR, else the login name. */
export const defaultAuthor = (): string => {
  const fromEnv = process.env.ALLEGIANCE_AUTHOR
  if (fromEnv !== undefined && fromEnv.trim() !== "") return fromEnv.trim()
  try {
    return userInfo().username
  } catch {
    return "unknown"
  }
}

/** Prints a store error on standard error and marks the process as failed, without a stack trace. */
export const reportStoreError = (error: StoreError) =>
  Effect.andThen(
    Console.error(error.message),
    Effect.sync(() => {
      process.exitCode = 1
    })
  )
