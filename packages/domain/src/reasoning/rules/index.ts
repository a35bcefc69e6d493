import type { Rule } from "../rule.ts"
import { acceptance } from "./acceptance.ts"
import { authorityAndMajority } from "./authority-and-majority.ts"
import { channelControl } from "./channel-control.ts"
import { corroborationAndReliability } from "./corroboration-and-reliability.ts"
import { dateConsistency } from "./date-consistency.ts"
import { denial } from "./denial.ts"
import { disowning } from "./disowning.ts"
import { scope } from "./scope.ts"
import { sequence } from "./sequence.ts"
import { silenceAndActivity } from "./silence-and-activity.ts"

/** The rules of DOMAIN.md, in its order. */
export const rules: ReadonlyArray<Rule> = [
  dateConsistency,
  channelControl,
  disowning,
  scope,
  authorityAndMajority,
  denial,
  silenceAndActivity,
  corroborationAndReliability,
  acceptance,
  sequence
]
