import type { Instance } from "./instance.ts"
import { extensionOf } from "./label.ts"
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

/** What an ICCMA task answers: an extension, no stable extension, or YES / NO with an optional witness. */
export type IccmaAnswer =
  | { readonly kind: "extension"; readonly extension: Int32Array }
  | { readonly kind: "no-extension" }
  | { readonly kind: "acceptance"; readonly accepted: boolean; readonly witness?: Int32Array }

export interface TaskOptions extends SolveOptions {
  /** Print the certificate line after YES (DC) or NO (DS), as the ICCMA'23 main track asks. */
  readonly certificate?: boolean
}

/**
 * Solves one ICCMA task. `argument` is the framework index of the query (required for DC and DS).
 * `writeAnswer` prints the answer exactly as an ICCMA'23 solver does.
 */
export const solveIccma = (
  instance: Instance,
  problem: IccmaProblem,
  argument: number | undefined,
  options: TaskOptions = {}
): Outcome<IccmaAnswer> => {
  const [kind, code] = problem.split("-") as [string, string]
  const semantics = semanticsOf[code]!
  if (problem === "SE-GR")
    return {
      decided: true,
      value: { kind: "extension", extension: extensionOf(instance.groundedLabelling()) }
    }
  if (kind === "SE") {
    const result = someExtension(instance.framework, semantics, options)
    if (!result.decided) return result
    return {
      decided: true,
      value: result.value === null ? { kind: "no-extension" } : { kind: "extension", extension: result.value }
    }
  }
  if (argument === undefined) throw new RangeError(`${problem} asks about one argument: give it with -a`)
  const result =
    kind === "DC"
      ? credulouslyAccepted(instance.framework, semantics, argument, options)
      : scepticallyAccepted(instance.framework, semantics, argument, options)
  if (!result.decided) return result
  const { accepted, witness } = result.value
  return {
    decided: true,
    value: { kind: "acceptance", accepted, ...(witness === undefined ? {} : { witness }) }
  }
}

/**
 * Writes an answer as an ICCMA'23 solver prints it (`w 1 4 5`, `NO`, `YES` and an optional `w` line),
 * in chunks of at most 64 KiB handed to `write` as they fill: an extension of millions of arguments is
 * never held as one string. `write` must be done with a chunk when it returns.
 */
export const writeAnswer = (
  instance: Instance,
  answer: IccmaAnswer,
  write: (bytes: Uint8Array) => void
): void => {
  const out = new Uint8Array(1 << 16)
  let used = 0
  const flush = () => {
    if (used > 0) write(out.subarray(0, used))
    used = 0
  }
  const ascii = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      if (used === out.length) flush()
      out[used++] = text.charCodeAt(i)
    }
  }
  const encoder = new TextEncoder()
  const numbered = instance.format === "i23"
  const witness = (extension: Int32Array) => {
    ascii("w")
    for (let i = 0; i < extension.length; i++) {
      if (used > out.length - 16) flush()
      out[used++] = 32
      if (numbered) {
        // Argument names are 1..N: written digit by digit, without a string per argument.
        let n = extension[i]! + 1
        const from = used
        do {
          out[used++] = 48 + (n % 10)
          n = Math.floor(n / 10)
        } while (n > 0)
        out.subarray(from, used).reverse()
      } else {
        const name = encoder.encode(instance.nameOf(extension[i]!))
        if (name.length > out.length - used) {
          flush()
          write(name)
        } else {
          out.set(name, used)
          used += name.length
        }
      }
    }
    ascii("\n")
  }
  if (answer.kind === "extension") witness(answer.extension)
  else if (answer.kind === "no-extension") ascii("NO\n")
  else {
    ascii(answer.accepted ? "YES\n" : "NO\n")
    if (answer.witness !== undefined) witness(answer.witness)
  }
  flush()
}

/** The answer as the text `writeAnswer` prints, for small answers and tests. */
export const answerText = (instance: Instance, answer: IccmaAnswer): string => {
  const decoder = new TextDecoder()
  let text = ""
  writeAnswer(instance, answer, (bytes) => {
    text += decoder.decode(bytes, { stream: true })
  })
  return text + decoder.decode()
}

/** `w 1 4 5` (argument names in index order), the ICCMA'23 way of writing an extension. */
export const witnessLine = (instance: Instance, extension: Int32Array): string =>
  answerText(instance, { kind: "extension", extension })

/**
 * Solves one ICCMA task and returns exactly the text an ICCMA'23 solver prints: `w ...` for SE (or `NO`
 * when there is no stable extension), `YES`/`NO` for DC and DS. For large answers, `solveIccma` and
 * `writeAnswer` print it without building it as one string.
 */
export const solveIccmaTask = (
  instance: Instance,
  problem: IccmaProblem,
  argument: number | undefined,
  options: TaskOptions = {}
): Outcome<string> => {
  const outcome = solveIccma(instance, problem, argument, options)
  return outcome.decided ? { decided: true, value: answerText(instance, outcome.value) } : outcome
}
