import { type GeneratedKind, onDay } from "@allegiance/case-generator"
import { reportedDeath } from "../src/index.ts"

const MANNERS = ["killed in an air strike", "killed in clashes", "died of his wounds", "executed"]

/**
 * Reported deaths in generated cases: a unit announces that one of the people of its group (generated
 * people belong to a top-level group) died a few days before, one with an account of their own when
 * there is one. Such accounts go on publishing in generated cases,
 * so some of their statements come after the reported death, which is what posthumous attribution reads.
 */
export const generatedDeaths: GeneratedKind = {
  kind: reportedDeath,
  weight: 6,
  title: "Announcement of a death",
  make: (context) => {
    const { random, world } = context
    const group = world.actors[world.actors[context.unit]!.top]!
    const people = group.parts.filter((part) => world.actors[part]!.kind === "person")
    if (people.length === 0) return undefined
    const speaking = people.filter((person) => world.channels.some((channel) => channel.actor === person))
    const person = world.actors[random.pick(speaking.length > 0 ? speaking : people)]!.id
    return {
      kind: reportedDeath.kind,
      scope: person,
      actor: person,
      died: onDay(context.day - random.int(0, 6)),
      ...(random.chance(0.6) ? { manner: random.pick(MANNERS) } : {})
    }
  }
}
