import { appendToCase, type CaseFile, Claim, Statement } from "@allegiance/domain"
import { Schema } from "effect"
import type { ClaimContent } from "./claim-content.ts"
import { dayOfIso, onDay } from "./days.ts"
import { Random } from "./random.ts"
import type { ClaimInput, StatementInput } from "./world.ts"

const decodeStatement = Schema.decodeUnknownSync(Statement)
const decodeClaim = Schema.decodeUnknownSync(Claim)

/**
 * The case with one more statement on an existing channel, dated after the channel's last one, with
 * one or two claims: the single change a re-evaluation benchmark measures. The claims are chosen to
 * touch the reasoning as real news does: often a denial of the latest statement from another of the
 * actor's channels, else a sign of life, a pledge, or a disowning of a sibling channel.
 */
export const addStatement = (caseFile: CaseFile, seed: number): CaseFile => {
  const random = new Random(seed ^ Math.imul(caseFile.statements.length, 0x2c1b3c6d))
  const speaking = caseFile.channels.filter((channel) => channel.speaksFor !== undefined)
  if (speaking.length === 0)
    throw new Error("The case has no channel that speaks for an actor to add a statement to.")
  const channel = random.pick(speaking)
  const actor = channel.speaksFor!
  const siblings = new Set(
    caseFile.channels
      .filter((other) => other.speaksFor === actor && other.id !== channel.id)
      .map((other) => other.id as string)
  )

  let lastDay = Number.NEGATIVE_INFINITY
  let topSerial: number | undefined
  let serialText: string | undefined
  let latestSibling: { id: string; day: number } | undefined
  for (const statement of caseFile.statements) {
    if (statement.channel === undefined) continue
    const day = dayOfIso(statement.observed.end)
    if (statement.channel === channel.id) {
      lastDay = Math.max(lastDay, day)
      const number = statement.serial?.number
      if (number !== undefined && (topSerial === undefined || number >= topSerial)) {
        topSerial = number
        serialText = statement.serial!.text
      }
    } else if (siblings.has(statement.channel) && (latestSibling === undefined || day >= latestSibling.day)) {
      latestSibling = { id: statement.id, day }
    }
  }
  const day = (Number.isFinite(lastDay) ? lastDay : dayOfIso("2016-01-01")) + random.int(1, 5)

  const taken = new Set<string>()
  for (const section of [caseFile.statements, caseFile.claims, caseFile.observations])
    for (const item of section) taken.add(item.id)
  const fresh = (stem: string) => {
    let id = stem
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`
    taken.add(id)
    return id
  }
  const statementId = fresh(`st-${caseFile.statements.length + 1}`)

  const topLevel = caseFile.actors.filter(
    (candidate) => candidate.parent === undefined && candidate.id !== actor
  )
  const contents: Array<ClaimContent> = []
  const roll = random.next()
  if (roll < 0.4 && latestSibling !== undefined)
    contents.push({ kind: "denial", scope: actor, target: latestSibling.id })
  else if (roll < 0.55 && siblings.size > 0) {
    contents.push({
      kind: "disowning",
      scope: actor,
      channel: random.pick([...siblings]),
      since: onDay(day - 2)
    })
    contents.push({ kind: "sole-official-channel", scope: actor, channel: channel.id })
  } else if (roll < 0.7 && topLevel.length > 0)
    contents.push({ kind: "pledge", scope: actor, pledger: actor, recipient: random.pick(topLevel).id })
  else contents.push({ kind: "continued-existence", scope: actor, actor })
  if (contents.length === 1 && random.chance(0.5))
    contents.push({ kind: "size-estimate", scope: actor, actor, estimate: "hundreds", low: 100, high: 999 })

  const serial =
    topSerial === undefined
      ? undefined
      : { text: serialText!.replace(String(topSerial), String(topSerial + 1)), number: topSerial + 1 }
  const statement: StatementInput = {
    id: statementId,
    ...(serial === undefined ? {} : { serial }),
    issuer: { nameAsPrinted: channel.handle, actor },
    channel: channel.id,
    printedDates: random.chance(0.5) ? [onDay(day)] : [],
    observed: onDay(day),
    cites: [{ paragraph: 1 }]
  }
  const claims = contents.map(
    (content) =>
      ({
        id: fresh(`cl-${caseFile.claims.length + 1}`),
        ...content,
        madeBy: { statement: statementId },
        cites: [{ paragraph: 1 }]
      }) as ClaimInput
  )
  return appendToCase(caseFile, {
    statements: [decodeStatement(statement)],
    claims: claims.map((claim) => decodeClaim(claim))
  })
}
