import { DateField } from "../model/date-field.ts"
import { ChannelId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** A channel was lost to someone else (hacked, seized) from a time on. */
export const channelCompromised = claimKind(
  "channel-compromised",
  { channel: ChannelId, since: DateField },
  {
    refers: { channel: "channels" },
    describe: (claim, name) => `that ${name(claim.channel)} was compromised from ${claim.since.text}`,
    proposition: (claim) => `channel-compromised:${claim.channel}`
  }
)
