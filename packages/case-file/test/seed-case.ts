import { Result } from "effect"
import type { CaseFile } from "@allegiance/domain"
import { bundledCaseText, readCaseText } from "../src/index.ts"

/** The bundled seed case, read as a user's file would be. */
export const seedCase = (): CaseFile => {
  const read = readCaseText(bundledCaseText(), "jai-syria-allegiance-2015.yaml")
  if (Result.isFailure(read)) throw new Error(read.failure.map((p) => p.message).join("\n"))
  return read.success
}
