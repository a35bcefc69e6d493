/**
 * The outline of a case from its items as a case file writes them (a store's bodies), without decoding
 * the case: only the dates a row shows are read, each distinct date once. A store hands these over in a
 * fraction of the time a whole decode takes, so that a UI can show the lists of a large case before
 * its reasoning has even read it.
 */
import { readWrittenDateRemembered, type WrittenDate } from "@allegiance/domain"
import { Result } from "effect"
import {
  type CaseOutline,
  caseOutline,
  type OutlineClaim,
  type OutlineInput,
  type OutlineObservation,
  type OutlineStatement
} from "./case-outline.ts"
import type { DateLike } from "./timeline.ts"

/** One stored item: its section (`case` for the case's own section) and its body. */
export interface StoredBody {
  readonly kind: string
  readonly body: unknown
}

type Body = Record<string, unknown>

/**
 * A stored date, read as the model reads it (stored items were checked when saved, so their dates read).
 * A large case prints the same few thousand dates over and over: each text is read once here.
 */
export const storedDate = (written: unknown, where: string): DateLike => {
  if (typeof written === "string") {
    const known = readTexts.get(written)
    if (known !== undefined) return known
  }
  const read = readWrittenDateRemembered(written as WrittenDate)
  if (Result.isFailure(read)) throw new Error(`${where}: ${read.failure}`)
  if (typeof written === "string") {
    if (readTexts.size >= textsKept) readTexts.clear()
    readTexts.set(written, read.success)
  }
  return read.success
}
const readTexts = new Map<string, DateLike>()
const textsKept = 50_000

export const storedStatement = (body: Body): OutlineStatement => {
  const id = String(body.id)
  const issuer = body.issuer as { readonly actor: string; readonly nameAsPrinted: string }
  return {
    id,
    serial: body.serial as OutlineStatement["serial"],
    title: body.title as string | undefined,
    issuer,
    channel: body.channel as string | undefined,
    observed: storedDate(body.observed, `statement ${id}`),
    printedDates: ((body.printedDates ?? []) as ReadonlyArray<unknown>).map((date) =>
      storedDate(date, `statement ${id}`)
    )
  }
}

export const storedClaim = (body: Body): OutlineClaim => body as unknown as OutlineClaim

export const storedObservation = (body: Body): OutlineObservation => {
  const id = String(body.id)
  return {
    id,
    kind: String(body.kind),
    description: String(body.description),
    actor: String(body.actor),
    channel: body.channel as string | undefined,
    date: storedDate(body.date, `observation ${id}`)
  }
}

export const outlineOfStored = (items: ReadonlyArray<StoredBody>): CaseOutline => {
  let info: Body | undefined
  const actors: Array<Body> = []
  const channels: Array<Body> = []
  const sources: Array<Body> = []
  const statements: Array<OutlineStatement> = []
  const claims: Array<OutlineClaim> = []
  const observations: Array<OutlineObservation> = []
  let relationships = 0
  let questions = 0
  for (const { kind, body } of items) {
    const fields = body as Body
    if (kind === "case") info = fields
    else if (kind === "actors") actors.push(fields)
    else if (kind === "channels") channels.push(fields)
    else if (kind === "sources") sources.push(fields)
    else if (kind === "statements") statements.push(storedStatement(fields))
    else if (kind === "claims") claims.push(storedClaim(fields))
    else if (kind === "observations") observations.push(storedObservation(fields))
    else if (kind === "relationships") relationships++
    else if (kind === "questions") questions++
  }
  const input: OutlineInput = {
    case: { id: String(info?.id ?? ""), title: String(info?.title ?? "") },
    actors: actors as unknown as OutlineInput["actors"],
    channels: channels as unknown as OutlineInput["channels"],
    sources: sources as unknown as OutlineInput["sources"],
    statements,
    claims,
    observations,
    relationships,
    questions
  }
  return caseOutline(input, { case: info, actors, channels, sources })
}
