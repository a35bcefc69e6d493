/**
 * One thing wrong with a case file, at a place in it. `path` is the field path from the top of the
 * file (section, index, field ...); the case-file reader turns it into a line and column.
 */
export interface CaseProblem {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/** A field path as an analyst reads it: `statements[2].issuer.actor`. */
export const formatPath = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? key : `${text}.${key}`),
    ""
  )
