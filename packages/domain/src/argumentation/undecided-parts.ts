import { credulousPreferred } from "./credulous.ts"
import { makeFramework } from "./framework.ts"
import type { IncrementalGrounded } from "./incremental.ts"
import { Label, type Labelling } from "./label.ts"

const none: ReadonlyArray<never> = []

/**
 * The weakly connected parts of the undecided arguments of a framework that changes in place (read
 * them before it changes again), found on demand, and credulous preferred acceptance within each. Every undecided argument has an undecided attacker (else it would be IN), so a
 * part on its own has an empty grounded extension, and what is acceptable in it is what is acceptable in
 * the whole framework.
 */
export const undecidedParts = (
  grounded: IncrementalGrounded,
  labels: Labelling
): {
  /** The undecided part `at` belongs to (none if it is not undecided). */
  readonly partOf: (at: number) => ReadonlyArray<number>
  /** Whether `at` belongs to some preferred extension (undefined if not undecided or not known). */
  readonly couldStillStand: (at: number) => boolean | undefined
} => {
  const found = new Map<
    number,
    { readonly members: ReadonlyArray<number>; answer?: (at: number) => boolean | undefined }
  >()
  const partOf = (at: number): ReadonlyArray<number> => {
    if (at >= labels.length || labels[at] !== Label.Undec) return none
    const known = found.get(at)
    if (known !== undefined) return known.members
    const members = [at]
    const seen = new Set(members)
    for (let head = 0; head < members.length; head++) {
      const x = members[head]!
      for (const y of [...grounded.attackersOfArgument(x), ...grounded.attackedByArgument(x)])
        if (labels[y] === Label.Undec && !seen.has(y)) {
          seen.add(y)
          members.push(y)
        }
    }
    const part = { members } as {
      readonly members: ReadonlyArray<number>
      answer?: (at: number) => boolean | undefined
    }
    for (const member of members) found.set(member, part)
    return members
  }
  const couldStillStand = (at: number): boolean | undefined => {
    const members = partOf(at)
    if (members.length === 0) return undefined
    const part = found.get(at)!
    if (part.answer === undefined) {
      const local = new Map(members.map((member, i) => [member, i]))
      const sources: Array<number> = []
      const targets: Array<number> = []
      members.forEach((member, i) => {
        for (const attacker of grounded.attackersOfArgument(member)) {
          const from = local.get(attacker)
          if (from !== undefined) {
            sources.push(from)
            targets.push(i)
          }
        }
      })
      const framework = makeFramework(members.length, sources, targets)
      const credulous = credulousPreferred(framework, new Uint8Array(members.length).fill(Label.Undec))
      part.answer = (member) => {
        const outcome = credulous.accepted(local.get(member)!)
        return outcome.decided ? outcome.value : undefined
      }
    }
    return part.answer(at)
  }
  return { partOf, couldStillStand }
}
