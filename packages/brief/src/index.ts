/**
 * A case's brief: what the present package says it holds, as a markdown syntax tree (mdast) and as
 * GitHub-flavoured markdown. The command line writes the markdown; the API can serve either.
 */
import type { CaseEvaluation, CaseFile } from "@allegiance/domain"
import { type BriefOptions, briefContent } from "@allegiance/present"
import type { Root } from "mdast"
import { briefMarkdown } from "./brief-markdown.ts"
import { briefTree } from "./brief-tree.ts"

export { briefMarkdown } from "./brief-markdown.ts"
export { briefSections, briefTree } from "./brief-tree.ts"
export { mermaidText } from "./mermaid/escape.ts"

/** The brief of a case as evaluated on a day: its tree and its markdown. */
export const brief = (
  caseFile: CaseFile,
  evaluation: CaseEvaluation,
  options: BriefOptions = {}
): { readonly tree: Root; readonly markdown: string } => {
  const tree = briefTree(briefContent(caseFile, evaluation, options))
  return { tree, markdown: briefMarkdown(tree) }
}
