import type { CaseFile } from "../model/case-file.ts"
import type { CaseProblem } from "./case-problem.ts"

/**
 * Dated links to parents must not close a cycle in the actor hierarchy, whatever links hold at the time:
 * following parents up from a link's actor, by any link, never comes back to the actor.
 */
export const checkParentLinks = (caseFile: CaseFile, problems: Array<CaseProblem>): void => {
  const parentOf = new Map(
    caseFile.actors.map((actor) => [actor.id as string, actor.parent as string | undefined])
  )
  const datedParents = new Map(
    caseFile.actors.map((actor) => [
      actor.id as string,
      (actor.parents ?? []).map((link) => link.actor as string)
    ])
  )
  caseFile.actors.forEach((actor, i) => {
    ;(actor.parents ?? []).forEach((link, j) => {
      // Whatever links hold at the time, following parents up from the link's actor must not come back.
      const seen = new Set<string>()
      const up = [link.actor as string]
      while (up.length > 0) {
        const at = up.pop()!
        if (at === actor.id) {
          problems.push({
            path: ["actors", i, "parents", j, "actor"],
            message: `The link of ${actor.id} to ${link.actor} closes a cycle in the actor hierarchy: ${link.actor} is itself part of ${actor.id}, by this or another link.`
          })
          return
        }
        if (seen.has(at)) continue
        seen.add(at)
        const parent = parentOf.get(at)
        if (parent !== undefined) up.push(parent)
        up.push(...(datedParents.get(at) ?? []))
      }
    })
  })
}
