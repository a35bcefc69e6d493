import type { AccessProblem } from "../access/case-access.ts"

/** What the analyst is told when an access failed: for a conflict, who saved first and when. */
export const problemText = (problem: AccessProblem): string =>
  problem.kind === "conflict"
    ? `${problem.by} saved revision ${problem.head} at ${problem.at.slice(0, 16).replace("T", " ")} UTC first, so nothing was saved.`
    : problem.message
