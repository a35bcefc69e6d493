import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { dbFlag } from "../flags.ts"

const createConfig = {
  scope: Flag.Literals("scope", ["read", "write", "admin"]).pipe(
    Flag.withDescription("read: look; write: also add, change and remove items; admin: also create cases.")
  ),
  case: Flag.String("case").pipe(
    Flag.withDescription("Limit the token to this case; repeat for more. Default: every case."),
    Flag.withMetavar("NAME"),
    Flag.between(0, 100)
  ),
  label: Flag.String("label").pipe(
    Flag.withDescription(
      "Who or what uses the token (a bot, a dashboard); recorded as the author of its writes."
    ),
    Flag.optional
  ),
  db: dbFlag
}
export type TokenCreateInput = Command.Command.Config.Infer<typeof createConfig>

const listConfig = { db: dbFlag }
export type TokenListInput = Command.Command.Config.Infer<typeof listConfig>

const revokeConfig = {
  id: Argument.String("id").pipe(Argument.withDescription("The token's id, as token list shows it.")),
  db: dbFlag
}
export type TokenRevokeInput = Command.Command.Config.Infer<typeof revokeConfig>

const run = <I>(name: "create" | "list" | "revoke", input: I) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/token.ts")),
    (module) => (module[name] as (input: I) => Effect.Effect<void>)(input)
  )

export const token = Command.make("token").pipe(
  Command.withDescription("Access tokens for allegiance serve: create, list and revoke."),
  Command.withSubcommands([
    Command.make("create", createConfig, (input) => run("create", input)).pipe(
      Command.withDescription(
        "Make a token and print it once: only its hash is kept, so it cannot be shown again. Send it as Authorization: Bearer TOKEN."
      ),
      Command.withExamples([
        {
          command: "allegiance token create --scope read --label dashboard",
          description: "A read-only token"
        },
        {
          command:
            "allegiance token create --scope write --case jai-syria-allegiance-2015 --label ingest-bot",
          description: "A token that may write one case"
        }
      ])
    ),
    Command.make("list", listConfig, (input) => run("list", input)).pipe(
      Command.withDescription(
        "List the tokens: id, scope, cases, label, when made, whether revoked. Never the tokens themselves."
      )
    ),
    Command.make("revoke", revokeConfig, (input) => run("revoke", input)).pipe(
      Command.withDescription("Revoke a token by its id: requests with it are refused from then on.")
    )
  ])
)
