/** What a picker offers: the items of the case of the kind a field names, found by the words typed. */
import type { ItemSection } from "@allegiance/domain"
import type { FormContext } from "./form-context.ts"
import type { PickOf } from "./form-types.ts"

/** The sections of the case whose items a picker of each kind offers. */
export const pickSections: Record<PickOf, ReadonlyArray<ItemSection>> = {
  actor: ["actors"],
  channel: ["channels"],
  source: ["sources"],
  statement: ["statements"],
  evidence: ["statements", "claims", "observations"]
}
/** What a picker of each kind offers, in a problem's words. */
export const pickNouns: Record<PickOf, string> = {
  actor: "an actor",
  channel: "a channel",
  source: "a source",
  statement: "a statement",
  evidence: "a statement, claim or observation"
}

/** One item a picker offers. */
export interface PickOption {
  readonly id: string
  readonly label: string
  /** What else it goes by, or what it is: aliases, a handle's platform, a source's grade. */
  readonly detail: string
}

/** The items a picker offers whose names hold every typed word, at most `limit` of them. */
export const pickOptions = (
  context: FormContext,
  of: PickOf,
  typed: string,
  limit = 8
): ReadonlyArray<PickOption> => {
  const wanted = typed
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
  const found: Array<PickOption> = []
  const offer = (id: string, label: string, detail: string, names: ReadonlyArray<string>) => {
    if (found.length >= limit) return
    const hay = [id, label, detail, ...names].join("\u0000").toLocaleLowerCase()
    if (wanted.every((word) => hay.includes(word))) found.push({ id, label, detail })
  }
  const { caseFile, labels } = context
  if (of === "actor")
    for (const actor of caseFile.actors)
      offer(
        actor.id,
        actor.name.primary,
        [actor.kind, ...actor.name.aliases, actor.name.arabic ?? ""].filter((name) => name !== "").join(", "),
        actor.name.transliterations
      )
  if (of === "channel")
    for (const channel of caseFile.channels)
      offer(
        channel.id,
        channel.handle,
        [
          channel.platform ?? channel.kind,
          channel.speaksFor === undefined ? "" : `for ${labels.of(channel.speaksFor)}`
        ]
          .filter((part) => part !== "")
          .join(", "),
        []
      )
  if (of === "source")
    for (const source of caseFile.sources)
      offer(source.id, labels.of(source.id), `grade ${source.reliability}`, [])
  if (of === "statement" || of === "evidence")
    for (const statement of caseFile.statements)
      offer(statement.id, labels.of(statement.id), `statement, ${statement.observed.text}`, [])
  if (of === "evidence") {
    for (const claim of caseFile.claims) offer(claim.id, labels.of(claim.id), `${claim.kind} claim`, [])
    for (const observation of caseFile.observations)
      offer(observation.id, labels.of(observation.id), `${observation.kind} observation`, [])
  }
  return found
}
