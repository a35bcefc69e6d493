/**
 * A served case's text overview: what `allegiance --api URL` prints when it has no terminal to open the
 * UI in. The case is read as the server exports it, and summed up as a stored one is.
 */
import { readCaseText } from "@allegiance/case-file"
import { allegianceClient } from "@allegiance/client"
import { caseSummary } from "@allegiance/present"
import { Console, Effect, Result } from "effect"

const failed = (message: string) =>
  Effect.andThen(
    Console.error(message),
    Effect.sync(() => {
      process.exitCode = 1
    })
  )

export const remoteOverview = (baseUrl: string, token: string, caseName: string) =>
  Effect.gen(function* () {
    const api = allegianceClient(baseUrl, { token })
    const response = yield* Effect.promise(() =>
      api.cases[":case"].export.$get({ param: { case: caseName } } as never).then(
        (answer) => answer as Response,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
      )
    )
    if (response instanceof Error)
      return yield* failed(
        `The server at ${baseUrl} cannot be reached (${response.message}); is allegiance serve running there?`
      )
    if (!response.ok) {
      const problem = (yield* Effect.promise(() => response.json().catch(() => ({})))) as { detail?: string }
      return yield* failed(problem.detail ?? `The server at ${baseUrl} answered ${response.status}.`)
    }
    const text = yield* Effect.promise(() => response.text())
    const read = readCaseText(text, `case ${caseName} at ${baseUrl}`)
    if (Result.isFailure(read))
      return yield* failed(`The server at ${baseUrl} sent a case that does not read.`)
    yield* Console.log(caseSummary(read.success))
  })
