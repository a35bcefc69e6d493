import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const bundledCaseName = "jai-syria-allegiance-2015"

/**
 * The seed case shipped with Allegiance: the default when no case is named. It sits in `cases/`, one
 * folder up from this module; a bundle of the command keeps that layout (its code one folder below a
 * copy of `cases/`), so the same path finds it in both.
 */
export const bundledCasePath = (): string =>
  fileURLToPath(new URL(`../cases/${bundledCaseName}.yaml`, import.meta.url))

/** The bundled case file's text, read when asked for. */
export const bundledCaseText = (): string => readFileSync(bundledCasePath(), "utf8")

/** The id of the bundled case (the name the store gives it): its file is named after it, which a test checks. */
export const bundledCaseId = (): string => bundledCaseName
