import { formatPath } from "@allegiance/domain/case/case-problem"

/** A problem in a case file, where an analyst can find it: file, line and column (from 1), and field. */
export interface LocatedProblem {
  readonly file: string
  readonly line: number
  readonly column: number
  /** The field path, e.g. `statements[2].issuer.actor`; empty for problems with the file as a whole. */
  readonly field: string
  readonly message: string
}

export const locatedProblem = (
  file: string,
  position: { readonly line: number; readonly column: number },
  path: ReadonlyArray<string | number>,
  message: string
): LocatedProblem => ({
  file,
  line: position.line,
  column: position.column,
  field: formatPath(path),
  message
})

/** `case.yaml:12:5: statements[2].issuer.actor: "jai-sirya" names nothing in this case ...` */
export const formatProblem = (problem: LocatedProblem): string =>
  `${problem.file}:${problem.line}:${problem.column}: ${problem.field === "" ? "" : `${problem.field}: `}${problem.message}`
