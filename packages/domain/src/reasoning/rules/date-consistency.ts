import { Result } from "effect"
import { BoundedMemo } from "../../calendar/bounded-memo.ts"
import { checkDualDate, type DualDateFinding } from "../../calendar/dual-date-check.ts"
import type { Statement } from "../../model/statement.ts"
import type { CaseView } from "../case-view.ts"
import { itemName, phraseInSentence, upperFirst } from "../case-view.ts"
import { authOf, type Finding, worded } from "../finding.ts"
import { groupedRule, idsOf, type Rule } from "../rule.ts"

/** The check of a statement's printed Hijri date against the Gregorian date printed beside it, if it has both. */
export const dualDateOf = (statement: Statement): DualDateFinding | undefined => {
  const hijri = statement.printedDates.find((date) => date.calendar === "hijri")
  const gregorian = statement.printedDates.find((date) => date.calendar === "gregorian")
  if (hijri === undefined || gregorian === undefined) return undefined
  return checked.get(`${hijri.text}\u0000${gregorian.text}`, () => {
    const result = checkDualDate(hijri.text, gregorian.text)
    return Result.isSuccess(result) ? result.success : undefined
  })
}

// Many statements print the same pair of dates (a day's releases); the check is pure, so it is done once per pair.
const checked = new BoundedMemo<DualDateFinding | undefined>(50_000)

/**
 * Rule 1, date consistency. When a statement prints both a Hijri and a Gregorian date, the Hijri date is
 * converted (Umm al-Qura first; the finding names the calendar used) and compared: 0-1 day apart is
 * consistent, 2 days consistent with a caution, more is inconsistent. An inconsistent date weakens the
 * statement's reliability; on its own it does not refute authorship, so this rule never attacks.
 */
export const dateConsistency: Rule = groupedRule({
  name: "date-consistency",
  title: "A Hijri date and the Gregorian date printed beside it must agree",
  groups: (view) => idsOf(view.statements),
  touched: (_view, additions) => idsOf(additions.statements),
  findingsFor: (view: CaseView, id): ReadonlyArray<Finding> => {
    const statement = view.statementById.get(id)
    const checked = statement === undefined ? undefined : dualDateOf(statement)
    if (checked === undefined) return []
    const sentence = () =>
      `${upperFirst(itemName(view, id))} prints two dates: ${phraseInSentence(view, checked.explanation)}`
    if (checked.verdict === "consistent")
      return [worded({ kind: "note", rule: "date-consistency", target: authOf(id), items: [id], sentence })]
    return [
      worded({
        kind: "caution",
        rule: "date-consistency",
        target: authOf(id),
        items: [id],
        sentence: () =>
          `${sentence()} This weakens the statement's reliability but does not by itself refute who wrote it.`,
        weight: checked.verdict === "inconsistent" ? 1 : 0.5
      })
    ]
  }
})
