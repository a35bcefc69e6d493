/**
 * What an exported case file says about where it came from: a comment at its top naming the case and
 * the revision of the store it was exported from. A reader of the case ignores it (it is a YAML
 * comment); an import of the file reads it to know which revision the edits in it were made on, so that
 * a file exported before someone else saved is refused instead of undoing their work.
 */

/** The case and revision a file was exported from. */
export interface ExportedFrom {
  readonly caseName: string
  readonly revision: number
}

const headerPattern = /^# Exported from case "([a-z0-9][a-z0-9._-]*)" at revision ([1-9]\d{0,14})\b/

/** The header an export puts at the top of the file, ending with a line break. */
export const exportHeader = (from: ExportedFrom): string =>
  `# Exported from case "${from.caseName}" at revision ${from.revision} of the store.\n` +
  `# Importing this file saves it on top of that revision: if the case has changed since, the import is\n` +
  `# refused rather than undo the newer work (allegiance import --help says how to choose another base).\n`

/** Where a file says it was exported from, when it starts with an export's header. */
export const exportedFrom = (text: string): ExportedFrom | undefined => {
  const match = headerPattern.exec(text.slice(0, 200))
  return match === null ? undefined : { caseName: match[1]!, revision: Number(match[2]) }
}
