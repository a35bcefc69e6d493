import {
  authOf,
  claimArg,
  type Finding,
  groupedRule,
  idsOf,
  indexPerView,
  itemName,
  type Rule,
  type Statement,
  surelyBefore,
  worded
} from "@allegiance/domain"
import { type ReportedDeath, reportedDeath } from "./reported-death.ts"

/** Statements by each actor they were issued in the name of, and by each part that signed them. */
const statementsOfPerson = indexPerView<Statement>((_view, items, add) => {
  for (const statement of items.statements) {
    add(statement.issuer.actor, statement)
    const signer = statement.issuer.signedBy
    if (signer !== undefined && signer !== statement.issuer.actor) add(signer, statement)
  }
})

/** The reports of each person's death. */
const deathsOf = indexPerView<ReportedDeath>((_view, items, add) => {
  for (const death of reportedDeath.among(items.claims)) add(death.actor, death)
})

/**
 * Posthumous attribution. A statement issued in the name of a person, or signed by one, that appeared
 * surely after the day that person is reported to have died puts its authorship in dispute: if the
 * report stands, whoever issued it, it was not the person. The attack counts only while the report
 * stands, so a report too weak to count, or one that proof of life defeats, leaves the statement alone.
 *
 * A statement that prints a date before the death is a release of earlier material (a recorded will, a
 * last message) and keeps its attribution; so does the statement that announces the death itself.
 */
export const posthumousAttribution: Rule = groupedRule({
  name: "posthumous-attribution",
  title: "A statement in a person's name after that person's reported death is in dispute",
  // One group per report of a death: the statements in the person's name, or signed by the person.
  groups: (view) => idsOf(reportedDeath.claimsIn(view)),
  touched: function* (view, additions) {
    yield* idsOf(reportedDeath.among(additions.claims))
    for (const statement of additions.statements) {
      yield* idsOf(deathsOf(view).get(statement.issuer.actor))
      if (statement.issuer.signedBy !== undefined) yield* idsOf(deathsOf(view).get(statement.issuer.signedBy))
    }
  },
  findingsFor: (view, id) => {
    const findings: Array<Finding> = []
    const death = reportedDeath.claimOf(view, id)
    if (death === undefined) return findings
    const person = death.actor
    const announcement = "statement" in death.madeBy ? death.madeBy.statement : undefined
    for (const statement of statementsOfPerson(view).get(person)) {
      if (statement.id === announcement || !surelyBefore(death.died, statement.observed)) continue
      const dated = statement.printedDates.find((printed) => surelyBefore(printed, death.died))
      if (dated !== undefined) {
        findings.push(
          worded({
            kind: "note",
            rule: "posthumous-attribution",
            target: authOf(statement.id),
            items: [statement.id, death.id],
            sentence: () =>
              `${itemName(view, statement.id)} appeared after ${itemName(view, person)} was reported dead (${death.died.text}), but is dated ${dated.text}, before the death: a release of earlier material, which the report does not put in dispute.`
          })
        )
        continue
      }
      const signed = statement.issuer.actor !== person
      findings.push(
        worded({
          kind: "attack",
          rule: "posthumous-attribution",
          attacker: claimArg(death.id),
          target: authOf(statement.id),
          items: [death.id, statement.id],
          sentence: () =>
            `${itemName(view, statement.id)} appeared ${statement.observed.text}, ${signed ? "signed by" : "in the name of"} ${itemName(view, person)}, who was reported dead before it (${death.died.text}): if the report stands, ${itemName(view, person)} did not ${signed ? "sign" : "issue"} it, so who did is in dispute.`,
          settle: () =>
            `Proof that ${itemName(view, person)} was alive after ${death.died.text} (a dated recording, an independent sighting), or word of who now speaks in that name, would settle who issued it.`
        })
      )
    }
    return findings
  }
})
