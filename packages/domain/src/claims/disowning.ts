import { Effect, Schema } from "effect"
import { DateField } from "../model/date-field.ts"
import { ChannelId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * Statements declared false: those on `channel` after serial `afterSerial` or from date `since`,
 * and, with `otherChannels`, whatever other channels publish in the actor's name.
 */
export const disowning = claimKind(
  "disowning",
  {
    channel: Schema.optionalKey(ChannelId),
    afterSerial: Schema.optionalKey(Schema.Int),
    since: Schema.optionalKey(DateField),
    otherChannels: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(false)))
  },
  {
    refers: { channel: "channels" },
    describe: (claim, name) =>
      `that statements${claim.channel === undefined ? "" : ` on ${name(claim.channel)}`}${claim.afterSerial === undefined ? "" : ` after number ${claim.afterSerial}`}${claim.otherChannels ? " and from other channels" : ""} are false (a disowning)`,
    // Each disowning says which statements it disowns in its own terms: none says the same as another.
    proposition: (claim) => `disowning:${claim.id}`
  }
)
