import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

/** The seed case shipped with Allegiance: the default when no case is named. */
export const bundledCasePath = fileURLToPath(
  new URL("../cases/jai-syria-allegiance-2015.yaml", import.meta.url)
)

export const bundledCaseText = (): string => readFileSync(bundledCasePath, "utf8")
