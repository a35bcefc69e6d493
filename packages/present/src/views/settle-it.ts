import type { Verdict } from "@allegiance/domain"
import { type AttackFinding, itemOfArgument } from "./arguments.ts"
import type { DateCheck } from "./date-check.ts"

/** What the wording of what would settle a dispute looks up in the case. */
export interface SettleLookups {
  /** A statement's channel, by the statement's id. */
  readonly channelOf: (statement: string) => string | undefined
  /** The actor a claim is made for (its scope), by the claim's id. */
  readonly scopeOf: (claim: string) => string | undefined
  /** What a reader calls an item: an actor's name, a channel's handle, a statement's serial or title. */
  readonly label: (id: string) => string
}

/**
 * What evidence would settle a disputed item, from what its verdict rests on. A statement whose two
 * printed dates disagree is settled first by a copy as first posted. Then each line the rules give,
 * once: where a statement is disowned, the rules' line asks which channel speaks for the group, the
 * same words for every disowning; here it names the group, both channels and both statements, so that
 * two disputes between different sides read differently. The other rules' lines name what they need
 * already (who controlled a channel and from when, whether the deniers still speak for the group).
 */
export const whatWouldSettle = (
  verdict: Pick<Verdict, "wouldSettle">,
  attacks: ReadonlyArray<AttackFinding>,
  lookups: SettleLookups,
  dated?: {
    readonly check: DateCheck | undefined
    readonly printed: ReadonlyArray<{ readonly calendar: string; readonly text: string }>
  }
): ReadonlyArray<string> => {
  const lines: Array<string> = []
  const add = (line: string) => {
    if (!lines.includes(line)) lines.push(line)
  }
  if (dated?.check?.failed === true) {
    const hijri = dated.printed.find((date) => date.calendar === "hijri")?.text
    const gregorian = dated.printed.find((date) => date.calendar === "gregorian")?.text
    add(
      hijri === undefined || gregorian === undefined
        ? "A copy of it as first posted, with the day it went out, would settle which of its printed dates is right."
        : `A copy of it as first posted, with the day it went out, would settle which of its printed dates is right, “${hijri}” or “${gregorian}”.`
    )
  }
  const disownings = new Map<string, Array<AttackFinding>>()
  for (const attack of attacks)
    if (attack.rule === "disowning" && attack.settle !== undefined && attack.items.length >= 2) {
      const list = disownings.get(attack.settle)
      if (list === undefined) disownings.set(attack.settle, [attack])
      else list.push(attack)
    }
  for (const line of verdict.wouldSettle) {
    const disowning = disownings.get(line)
    if (disowning === undefined) add(line)
    else for (const attack of disowning) add(disowningWords(attack, lookups) ?? line)
  }
  return lines
}

/**
 * "Word from a voice known to speak for the group, on which of @old and @new is its own, would settle
 * whether “Statement 12” or “Notice...” speaks for it", for a disowning attack: its items are the
 * disowning claim and the statement that makes it; its target, the disowned statement's authorship.
 */
const disowningWords = (attack: AttackFinding, lookups: SettleLookups): string | undefined => {
  const [claim, maker] = attack.items
  const disowned = itemOfArgument(attack.target)
  const owner = claim === undefined ? undefined : lookups.scopeOf(claim)
  if (maker === undefined || owner === undefined) return undefined
  const own = lookups.channelOf(disowned)
  const other = lookups.channelOf(maker)
  const which =
    own !== undefined && other !== undefined && own !== other
      ? `, on which of ${lookups.label(own)} and ${lookups.label(other)} is its own,`
      : ""
  return `Word from a voice known to speak for ${lookups.label(owner)} (a leader, a member, or independent reporting)${which} would settle whether “${lookups.label(disowned)}” or “${lookups.label(maker)}” speaks for it.`
}
