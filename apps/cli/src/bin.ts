import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { CliOutput, Command } from "effect/cli"
import { allegiance } from "./main.ts"
import { presenter } from "./presenter.ts"
import { reportUnexpected } from "./unexpected.ts"

allegiance.pipe(
  Command.run({ version: "0.1.0" }),
  reportUnexpected,
  Effect.provide(CliOutput.layerPresenter(presenter)),
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain
)
