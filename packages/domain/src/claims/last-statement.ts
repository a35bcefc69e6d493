import { Schema } from "effect"
import { ChannelId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** A statement that declares itself the last one the channel will publish. */
export const lastStatement = claimKind(
  "last-statement",
  { channel: ChannelId, serial: Schema.Int },
  {
    refers: { channel: "channels" },
    describe: (claim, name) => `that number ${claim.serial} is the last statement on ${name(claim.channel)}`,
    proposition: (claim) => `last-statement:${claim.channel}:${claim.serial}`
  }
)
