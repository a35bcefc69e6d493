import { DateField } from "../model/date-field.ts"
import { ChannelId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** A channel said to be compromised is back in its owner's hands. */
export const channelRecovered = claimKind(
  "channel-recovered",
  { channel: ChannelId, at: DateField },
  {
    refers: { channel: "channels" },
    describe: (claim, name) => `that ${name(claim.channel)} was recovered (${claim.at.text})`,
    proposition: (claim) => `channel-recovered:${claim.channel}`
  }
)
