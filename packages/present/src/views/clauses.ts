import type { CaseFile } from "@allegiance/domain"
import { gregorianMonthName } from "@allegiance/domain/calendar/day-number"

/**
 * A sentence of the domain's as a clause that follows a lead-in and a colon ("What defeats it: after
 * its last sign of activity, ..."): its first word loses its capital, unless it is a name as printed
 * (an actor's name or alias, a channel's handle, a statement's serial, a month) or a word whose
 * capitals say it is one (an acronym, a name like "al-Qaeda" with a capital inside, a "@handle").
 */
export type Clause = (sentence: string) => string

const clauses = new WeakMap<CaseFile, Clause>()

/** The clause maker for a case (one per case): the words that open its names keep their capital. */
export const clausesOf = (caseFile: CaseFile): Clause => {
  const known = clauses.get(caseFile)
  if (known !== undefined) return known
  const names = new Set<string>(months)
  const add = (name: string | undefined) => {
    const first = name?.trim().split(/\s+/)[0]
    if (first !== undefined && first !== "") names.add(first)
  }
  for (const actor of caseFile.actors) {
    add(actor.name.primary)
    for (const alias of actor.name.aliases) add(alias)
  }
  for (const channel of caseFile.channels) add(channel.handle)
  for (const statement of caseFile.statements) add(statement.serial?.text)
  const clause: Clause = (sentence) => {
    const first = sentence.split(/\s+/)[0] ?? ""
    return /^[A-Z][a-z'’-]*[,;:]?$/.test(first) && !names.has(first.replace(/[,;:]$/, ""))
      ? sentence.charAt(0).toLowerCase() + sentence.slice(1)
      : sentence
  }
  clauses.set(caseFile, clause)
  return clause
}

const months: ReadonlyArray<string> = Array.from({ length: 12 }, (_, index) => gregorianMonthName(index + 1))
