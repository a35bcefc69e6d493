import { Schema } from "effect"
import { ChannelId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * The channels that speak for the actor the claim is about: an account, a media office, a news agency it
 * uses. With a disowning of other channels in the same statement, everything else is declared not the
 * actor's. A later declaration of the actor's channels supersedes an earlier one (rule 3).
 */
export const officialChannels = claimKind(
  "official-channels",
  { channels: Schema.NonEmptyArray(ChannelId) },
  {
    refers: { channels: "channels" },
    describe: (claim, name) =>
      `that ${claim.channels.map((channel) => name(channel)).join(", ")} ${claim.channels.length === 1 ? "is the official channel" : "are the official channels"} of ${name(claim.scope)}`,
    proposition: (claim) => `official-channels:${claim.scope}:${[...claim.channels].sort().join(",")}`
  }
)
