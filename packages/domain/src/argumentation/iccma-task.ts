import type { Instance } from "./iccma-format.ts"
import {
  credulouslyAccepted,
  type Outcome,
  type Semantics,
  type SolveOptions,
  scepticallyAccepted,
  someExtension
} from "./semantics.ts"

/** The ICCMA tasks answered, in the order `--problems` lists them. */
export const iccmaProblems = [
  "SE-GR",
  "SE-CO",
  "DC-CO",
  "DS-CO",
  "SE-PR",
  "DC-PR",
  "DS-PR",
  "SE-ST",
  "DC-ST",
  "DS-ST"
] as const

export type IccmaProblem = (typeof iccmaProblems)[number]

export const isIccmaProblem = (text: string): text is IccmaProblem =>
  (iccmaProblems as ReadonlyArray<string>).includes(text)

/** `[SE-GR,SE-CO,...]`, the answer to `--problems` in the competition's calling convention. */
export const problemsLine = (): string => `[${iccmaProblems.join(",")}]\n`

const semanticsOf: Record<string, Semantics> = {
  GR: "grounded",
  CO: "complete",
  PR: "preferred",
  ST: "stable"
}

export const needsArgument = (problem: IccmaProblem): boolean => !problem.startsWith("SE-")

/** `w 1 4 5` (argument names in index order), the ICCMA'23 way of writing an extension. */
export const witnessLine = (instance: Instance, extension: Int32Array): string => {
  let line = "w"
  for (let i = 0; i < extension.length; i++) line += ` ${instance.nameOf(extension[i]!)}`
  return `${line}\n`
}

export interface TaskOptions extends SolveOptions {
  /** Print the certificate line after YES (DC) or NO (DS), as the ICCMA'23 main track asks. */
  readonly certificate?: boolean
}

/**
 * Solves one ICCMA task and returns exactly the text an ICCMA'23 solver prints: `w ...` for
 * SE (or `NO` when there is no stable extension), `YES`/`NO` for DC and DS. `argument` is
 * the framework index of the query (required for DC and DS).
 */
export const solveIccmaTask = (
  instance: Instance,
  problem: IccmaProblem,
  argument: number | undefined,
  options: TaskOptions = {}
): Outcome<string> => {
  const [kind, code] = problem.split("-") as [string, string]
  const semantics = semanticsOf[code]!
  const framework = instance.framework
  if (kind === "SE") {
    const result = someExtension(framework, semantics, options)
    if (!result.decided) return result
    return { decided: true, value: result.value === null ? "NO\n" : witnessLine(instance, result.value) }
  }
  if (argument === undefined) throw new RangeError(`${problem} asks about one argument: give it with -a`)
  const result =
    kind === "DC"
      ? credulouslyAccepted(framework, semantics, argument, options)
      : scepticallyAccepted(framework, semantics, argument, options)
  if (!result.decided) return result
  const { accepted, witness } = result.value
  const answer = accepted ? "YES\n" : "NO\n"
  return { decided: true, value: witness === undefined ? answer : answer + witnessLine(instance, witness) }
}
