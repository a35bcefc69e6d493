import { buildCommand, buildIsCurrent } from "../../scripts/build.ts"

/**
 * Vitest's global setup: the tests start the installed command, so it is built from the sources first,
 * unless the last build (turbo's, before the whole suite) is newer than every source it was built from.
 */
export default async function setup(): Promise<void> {
  if (!buildIsCurrent()) await buildCommand()
}
