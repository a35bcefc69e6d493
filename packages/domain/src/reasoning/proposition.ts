import type { Claim } from "../model/claim.ts"

/**
 * The proposition a claim states, as a key: claims with the same key say the same thing and
 * corroborate each other; the key leaves out who made the claim and when.
 */
export const propositionKey = (claim: Claim): string => {
  switch (claim.kind) {
    case "pledge":
    case "acceptance":
    case "break":
      return `${claim.kind}:${claim.pledger}>${claim.recipient}`
    case "dissolution":
    case "continued-existence":
      return `${claim.kind}:${claim.actor}`
    case "merger":
      return `merger:${claim.absorbed}>${claim.into}`
    case "denial":
    case "confirmation":
      return `${claim.kind}:${claim.target}`
    case "channel-compromised":
    case "channel-recovered":
    case "sole-official-channel":
      return `${claim.kind}:${claim.channel}`
    case "disowning":
      return `disowning:${claim.id}`
    case "last-statement":
      return `last-statement:${claim.channel}:${claim.serial}`
    case "cooperation":
    case "rivalry":
      return `${claim.kind}:${[claim.actor, claim.with].sort().join("~")}`
    case "protection":
      return `protection:${claim.protector}>${claim.protected}`
    case "membership":
      return `membership:${claim.member}>${claim.of}`
    case "partial-allegiance":
      return `partial-allegiance:${claim.actor}>${claim.to}`
    case "partial-involvement":
      return `partial-involvement:${claim.actor}`
    case "majority-backing":
      return `majority-backing:${claim.actor}>${claim.backs}`
    case "size-estimate":
      return `size-estimate:${claim.actor}:${claim.estimate}`
  }
}

/**
 * The same key with the actor whose scope is in question left out: two claims with the same
 * `shapeKey` make the same kind of assertion about possibly different actors (a pledge to the same
 * recipient by a branch and by the whole group).
 */
export const shapeKey = (claim: Claim): string => {
  switch (claim.kind) {
    case "pledge":
    case "acceptance":
    case "break":
      return `${claim.kind}:>${claim.recipient}`
    case "merger":
      return `merger:>${claim.into}`
    case "partial-allegiance":
      return `partial-allegiance:>${claim.to}`
    default:
      return claim.kind
  }
}
