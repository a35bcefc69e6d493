import { ChannelId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** A channel is the only one that speaks for the actor the claim is about. */
export const soleOfficialChannel = claimKind(
  "sole-official-channel",
  { channel: ChannelId },
  {
    refers: { channel: "channels" },
    describe: (claim, name) =>
      `that ${name(claim.channel)} is the sole official channel of ${name(claim.scope)}`,
    proposition: (claim) => `sole-official-channel:${claim.channel}`,
    against: (claim, expectation, view) =>
      expectation.kind === "sole-official-channel" &&
      claim.channel !== expectation.channel &&
      claim.scope === view.channels.get(expectation.channel ?? "")?.speaksFor
        ? "it declares another channel the sole official one"
        : undefined
  }
)
