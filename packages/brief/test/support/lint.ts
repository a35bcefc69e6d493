import { lint } from "markdownlint/sync"

/**
 * markdownlint's default rules, less line length: a brief writes each paragraph and table row on one
 * line (a table row cannot be wrapped at all), which editors and diffs wrap for themselves.
 */
export const briefLintConfig = { default: true, MD013: false } as const

/** markdownlint's complaints about a markdown text, one line each; empty when it passes. */
export const lintProblems = (markdown: string): ReadonlyArray<string> => {
  const results = lint({ strings: { brief: markdown }, config: briefLintConfig })
  return (results.brief ?? []).map(
    (error) =>
      `line ${error.lineNumber}: ${error.ruleNames.join("/")} ${error.ruleDescription}${error.errorDetail === null ? "" : ` (${error.errorDetail})`}${error.errorContext === null ? "" : `: ${error.errorContext}`}`
  )
}
