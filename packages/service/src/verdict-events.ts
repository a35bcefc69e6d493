/**
 * Telling subscribers that a case was written. A notice carries only the case and its new revision:
 * what changed is worked out from the store, by revision (see `CaseService.verdictChangesAt`), so that
 * a subscriber that was away (or served by another instance) can ask for what it missed by revision
 * number alone. Notices reach the subscribers of this process; other instances' writes are found by
 * looking at the case's head now and then.
 */
import { Context, Layer } from "effect"

export type Listener = (revision: number) => void

export interface VerdictEventsShape {
  readonly publish: (caseName: string, revision: number) => void
  /** Calls `listener` after each write to the case; returns how to stop. */
  readonly subscribe: (caseName: string, listener: Listener) => () => void
  readonly subscribers: (caseName: string) => number
}

export class VerdictEvents extends Context.Service<VerdictEvents, VerdictEventsShape>()(
  "@allegiance/service/VerdictEvents"
) {}

export const makeVerdictEvents = (): VerdictEventsShape => {
  const listeners = new Map<string, Set<Listener>>()
  return {
    publish: (caseName, revision) => {
      for (const listener of listeners.get(caseName) ?? []) listener(revision)
    },
    subscribe: (caseName, listener) => {
      let set = listeners.get(caseName)
      if (set === undefined) {
        set = new Set()
        listeners.set(caseName, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(caseName)
      }
    },
    subscribers: (caseName) => listeners.get(caseName)?.size ?? 0
  }
}

export const layer = Layer.sync(VerdictEvents, makeVerdictEvents)
