import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { dbFlag, wholeNumberFlag } from "../flags.ts"

const config = {
  port: wholeNumberFlag("port", 0, 65_535, "8787").pipe(
    Flag.withDescription("The port to listen on (0 picks a free one). Default: 8787."),
    Flag.withDefault(8787)
  ),
  host: Flag.String("host").pipe(
    Flag.withDescription(
      "The address to listen on. Default: 127.0.0.1, this machine only; give 0.0.0.0 to serve others (with tokens, behind TLS)."
    ),
    Flag.withDefault("127.0.0.1")
  ),
  corsOrigin: Flag.String("cors-origin").pipe(
    Flag.withDescription(
      "A web origin allowed to call the API from a browser (https://dash.example); repeat for more."
    ),
    Flag.withMetavar("ORIGIN"),
    Flag.between(0, 100)
  ),
  rateLimit: wholeNumberFlag("rate-limit", 1, 1_000_000, "6000").pipe(
    Flag.withDescription("Requests each token may make per minute. Default: 6000."),
    Flag.withDefault(6000)
  ),
  db: dbFlag
}
export type ServeInput = Command.Command.Config.Infer<typeof config>

export const serve = Command.make("serve", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/serve.ts")),
    (run) => run.serve(input)
  )
).pipe(
  Command.withDescription(
    "Serve the store over HTTP: the edge API (cases, items, verdicts, timeline, events), its OpenAPI document at /openapi.json and a reference page at /docs. Every request but those needs a token (allegiance token create). Stops gracefully on Ctrl-C or SIGTERM."
  ),
  Command.withExamples([
    { command: "allegiance serve", description: "Serve on http://127.0.0.1:8787" },
    { command: "allegiance serve --port 9000 --db team.db", description: "Serve another store on port 9000" }
  ])
)
