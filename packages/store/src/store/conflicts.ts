/**
 * Conflicts between writers. A write names the revision it was based on; when another
 * write has moved the case on since, the write is refused whole with a `Conflict` that
 * says who saved what, never merged.
 */
import { Effect } from "effect"
import type { Statement } from "effect/sql/Statement"
import type { AtomicOptions } from "../backend.ts"
import { Conflict, RevisionNotFound, storeError } from "../errors.ts"
import type { CaseRow, StoreContext } from "./context.ts"

export const makeConflicts = (context: StoreContext) => {
  const { backend, fail, headRow, headOf } = context

  const conflict = (kase: CaseRow, basedOn: number) =>
    Effect.flatMap(headOf(kase), (head) =>
      storeError(
        new Conflict({
          caseName: kase.name,
          basedOn,
          head: head.number,
          headAuthor: head.author,
          headAt: head.at,
          headReason: head.reason
        })
      )
    )

  /** Runs a prepared write; a failure while someone else moved the head is reported as a conflict. */
  const apply = (
    kase: CaseRow,
    basedOn: number,
    statements: ReadonlyArray<Statement<unknown>>,
    options: AtomicOptions | undefined
  ) =>
    backend
      .atomically(statements, options)
      .pipe(
        Effect.catch((error) =>
          Effect.flatMap(headRow(kase.id), (head) =>
            head !== undefined && Number(head.number) !== basedOn
              ? conflict(kase, basedOn)
              : Effect.fail(fail("save the change")(error))
          )
        )
      )

  /**
   * Checks that the write is based on the head, failing early with a conflict when not, or, for a
   * revision the case never had, saying so: nobody saved anything since a revision that does not exist.
   */
  const checkBase = (kase: CaseRow, basedOn: number) =>
    Effect.flatMap(headOf(kase), (head) =>
      head.number === basedOn
        ? Effect.succeed(head)
        : !Number.isSafeInteger(basedOn) || basedOn < 1 || basedOn > head.number
          ? storeError(new RevisionNotFound({ caseName: kase.name, head: head.number, revision: basedOn }))
          : conflict(kase, basedOn)
    )

  return { conflict, apply, checkBase }
}

export type Conflicts = ReturnType<typeof makeConflicts>
