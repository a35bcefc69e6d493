import { type CaseEvaluation, type Estimative, estimativeScale, type Status } from "@allegiance/domain"
import type { VerdictIndex } from "./verdicts.ts"

/**
 * What a list needs of a verdict: its status and how sure. A `VerdictIndex` is one; so is a digest's
 * lookup, which carries only these two across a worker thread or an HTTP response.
 */
export interface VerdictLookup {
  readonly get: (
    id: string
  ) => { readonly status: Status; readonly confidence: { readonly words: string } } | undefined
}

/**
 * Every verdict of an evaluation as its id, status and confidence level, in parallel arrays: a
 * 100,000-statement case has some 280,000 verdicts, whose explanations a list never shows; this is
 * what crosses from the thread that reasons to the one that draws, in a few megabytes.
 */
export interface VerdictDigest {
  readonly asOf: string
  readonly ids: ReadonlyArray<string>
  /** Index into `digestStatuses`. */
  readonly statuses: Uint8Array
  /** Index into the domain's scale of estimative words. */
  readonly confidences: Uint8Array
}

export const digestStatuses: ReadonlyArray<Status> = ["established", "refuted", "contested", "unsupported"]
const statusCode = new Map(digestStatuses.map((status, at) => [status, at]))
const confidenceCode = new Map<string, number>(estimativeScale.map((words, at) => [words, at]))

export const verdictDigest = (evaluation: CaseEvaluation, verdicts: VerdictIndex): VerdictDigest => {
  const ids: Array<string> = []
  const statuses: Array<number> = []
  const confidences: Array<number> = []
  for (const verdict of verdicts.all()) {
    ids.push(verdict.id)
    statuses.push(statusCode.get(verdict.status)!)
    confidences.push(confidenceCode.get(verdict.confidence.words) ?? 0)
  }
  return {
    asOf: evaluation.asOf,
    ids,
    statuses: Uint8Array.from(statuses),
    confidences: Uint8Array.from(confidences)
  }
}

/** A digest indexed by id, for lists to read statuses from. */
export const digestLookup = (digest: VerdictDigest): VerdictLookup & { readonly size: number } => {
  const at = new Map<string, number>()
  for (let i = 0; i < digest.ids.length; i++) at.set(digest.ids[i]!, i)
  const cache = new Map<number, { status: Status; confidence: { words: Estimative } }>()
  return {
    size: digest.ids.length,
    get: (id) => {
      const i = at.get(id)
      if (i === undefined) return undefined
      let verdict = cache.get(i)
      if (verdict === undefined) {
        verdict = {
          status: digestStatuses[digest.statuses[i]!]!,
          confidence: { words: estimativeScale[digest.confidences[i]!]! }
        }
        cache.set(i, verdict)
      }
      return verdict
    }
  }
}

/** The ids whose status differs between two digests, or that only the later one has. */
export const changedIds = (before: VerdictLookup, after: VerdictDigest): ReadonlySet<string> => {
  const changed = new Set<string>()
  for (let i = 0; i < after.ids.length; i++) {
    const id = after.ids[i]!
    if (before.get(id)?.status !== digestStatuses[after.statuses[i]!]) changed.add(id)
  }
  return changed
}
