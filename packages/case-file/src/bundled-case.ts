import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { parse } from "yaml"

/** The seed case shipped with Allegiance: the default when no case is named. */
export const bundledCasePath = fileURLToPath(
  new URL("../cases/jai-syria-allegiance-2015.yaml", import.meta.url)
)

export const bundledCaseText = (): string => readFileSync(bundledCasePath, "utf8")

/** The id of the bundled case (the name the store gives it), without decoding the whole case. */
export const bundledCaseId = (): string =>
  String((parse(bundledCaseText()) as { case: { id: string } }).case.id)
