import { buildCommand } from "../../scripts/build.ts"

/** Vitest's global setup: the tests start the installed command, so it is built from the sources first. */
export default async function setup(): Promise<void> {
  await buildCommand()
}
