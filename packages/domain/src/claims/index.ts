import { acceptance } from "./acceptance.ts"
import { pledgeBreak } from "./break.ts"
import { channelCompromised } from "./channel-compromised.ts"
import { channelRecovered } from "./channel-recovered.ts"
import { confirmation } from "./confirmation.ts"
import { continuedExistence } from "./continued-existence.ts"
import { cooperation } from "./cooperation.ts"
import { denial } from "./denial.ts"
import { designation } from "./designation.ts"
import { disowning } from "./disowning.ts"
import { dissolution } from "./dissolution.ts"
import { joining } from "./joining.ts"
import { lastStatement } from "./last-statement.ts"
import { majorityBacking } from "./majority-backing.ts"
import { membership } from "./membership.ts"
import { merger } from "./merger.ts"
import { officialChannels } from "./official-channels.ts"
import { partialAllegiance } from "./partial-allegiance.ts"
import { partialInvolvement } from "./partial-involvement.ts"
import { pledge } from "./pledge.ts"
import { protection } from "./protection.ts"
import { reaffirmation } from "./reaffirmation.ts"
import { responsibility } from "./responsibility.ts"
import { rivalry } from "./rivalry.ts"
import { sizeEstimate } from "./size-estimate.ts"
import { soleOfficialChannel } from "./sole-official-channel.ts"

/**
 * The kinds of claim the domain knows (DOMAIN.md), each in its own module, in the order a case file's
 * JSON Schema lists them. A package that adds kinds passes `[...builtInKinds, itsKind]` wherever kinds
 * are asked for.
 */
export const builtInKinds = [
  pledge,
  acceptance,
  pledgeBreak,
  dissolution,
  merger,
  continuedExistence,
  denial,
  confirmation,
  channelCompromised,
  channelRecovered,
  soleOfficialChannel,
  disowning,
  lastStatement,
  cooperation,
  protection,
  rivalry,
  membership,
  partialAllegiance,
  partialInvolvement,
  majorityBacking,
  sizeEstimate,
  officialChannels,
  responsibility,
  reaffirmation,
  designation,
  joining
] as const
