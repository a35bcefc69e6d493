import type { ClaimKind } from "../claims/claim-kind.ts"
import type { CaseFile, ItemSection } from "../model/case-file.ts"
import { modelOf } from "../model/case-model.ts"
import type { CaseProblem } from "./case-problem.ts"
import { checkCitations } from "./citation-check.ts"
import { checkParentLinks } from "./parent-link-check.ts"

type Path = ReadonlyArray<string | number>

/** What kind of item each section holds, in the words used in problem messages. */
const sectionNoun: Record<ItemSection | "hypotheses", string> = {
  actors: "actor",
  channels: "channel",
  sources: "source",
  statements: "statement",
  claims: "claim",
  observations: "observation",
  relationships: "relationship",
  questions: "question",
  hypotheses: "hypothesis"
}

const evidenceSections = ["statements", "claims", "observations"] as const

const nounList = (sections: ReadonlyArray<ItemSection | "hypotheses">): string => {
  const nouns = sections.map((section) => sectionNoun[section])
  return nouns.length === 1
    ? `an ${nouns[0]}`.replace(/^an ([^aeiou])/, "a $1")
    : `one of: ${nouns.join(", ")}`
}

/**
 * The rules a case must keep whatever its content: ids are unique, every reference names an item of
 * the right kind, the actor hierarchy is a tree, intervals do not end before they start, and a claim
 * reported by a source says when. Every problem is returned, not just the first. What each kind of
 * claim names is its kind's to say (`ClaimKind.refers`): pass `kinds` when the case holds claims of
 * more kinds than the built-in ones.
 */
export const checkIntegrity = (
  caseFile: CaseFile,
  options: { readonly kinds?: ReadonlyArray<ClaimKind> | undefined } = {}
): ReadonlyArray<CaseProblem> => {
  const model = modelOf(options.kinds)
  const problems: Array<CaseProblem> = []
  const where = new Map<string, { section: ItemSection | "hypotheses"; path: Path }>()

  const declare = (id: string, section: ItemSection | "hypotheses", path: Path) => {
    const first = where.get(id)
    if (first === undefined) where.set(id, { section, path })
    else
      problems.push({
        path: [...path, "id"],
        message: `The id "${id}" is used twice: it already names the ${sectionNoun[first.section]} at ${first.path.join(".")}. Every item in a case needs its own id.`
      })
  }
  caseFile.actors.forEach((item, i) => {
    declare(item.id, "actors", ["actors", i])
  })
  caseFile.channels.forEach((item, i) => {
    declare(item.id, "channels", ["channels", i])
  })
  caseFile.sources.forEach((item, i) => {
    declare(item.id, "sources", ["sources", i])
  })
  caseFile.statements.forEach((item, i) => {
    declare(item.id, "statements", ["statements", i])
  })
  caseFile.claims.forEach((item, i) => {
    declare(item.id, "claims", ["claims", i])
  })
  caseFile.observations.forEach((item, i) => {
    declare(item.id, "observations", ["observations", i])
  })
  caseFile.relationships.forEach((item, i) => {
    declare(item.id, "relationships", ["relationships", i])
  })
  caseFile.questions.forEach((question, i) => {
    declare(question.id, "questions", ["questions", i])
    question.hypotheses.forEach((h, j) => {
      declare(h.id, "hypotheses", ["questions", i, "hypotheses", j])
    })
  })

  const ref = (path: Path, id: string | undefined, allowed: ReadonlyArray<ItemSection | "hypotheses">) => {
    if (id === undefined) return
    const target = where.get(id)
    if (target === undefined) {
      problems.push({
        path,
        message: `"${id}" names nothing in this case: expected the id of ${nounList(allowed)}.`
      })
    } else if (!allowed.includes(target.section)) {
      problems.push({
        path,
        message: `"${id}" is a ${sectionNoun[target.section]}, but this field expects ${nounList(allowed)}.`
      })
    }
  }

  caseFile.actors.forEach((actor, i) => {
    ref(["actors", i, "parent"], actor.parent, ["actors"])
    actor.parents?.forEach((link, j) => {
      ref(["actors", i, "parents", j, "actor"], link.actor, ["actors"])
    })
  })
  checkActorTree(caseFile, problems)
  caseFile.channels.forEach((channel, i) => {
    ref(["channels", i, "speaksFor"], channel.speaksFor, ["actors"])
  })
  caseFile.sources.forEach((source, i) => {
    ref(["sources", i, "channel"], source.channel, ["channels"])
    ref(["sources", i, "affiliation"], source.affiliation, ["actors"])
    source.dependsOn.forEach((id, j) => {
      ref(["sources", i, "dependsOn", j], id, ["sources"])
    })
  })
  caseFile.statements.forEach((statement, i) => {
    ref(["statements", i, "issuer", "actor"], statement.issuer.actor, ["actors"])
    ref(["statements", i, "issuer", "signedBy"], statement.issuer.signedBy, ["actors"])
    statement.signers?.forEach((id, j) => {
      ref(["statements", i, "signers", j], id, ["actors"])
    })
    ref(["statements", i, "channel"], statement.channel, ["channels"])
    statement.relayedBy?.forEach((id, j) => {
      ref(["statements", i, "relayedBy", j], id, ["channels"])
    })
  })
  caseFile.claims.forEach((claim, i) => {
    const path = ["claims", i]
    ref([...path, "scope"], claim.scope, ["actors"])
    if ("statement" in claim.madeBy)
      ref([...path, "madeBy", "statement"], claim.madeBy.statement, ["statements"])
    else {
      ref([...path, "madeBy", "source"], claim.madeBy.source, ["sources"])
      if (claim.reported === undefined)
        problems.push({
          path: [...path, "reported"],
          message: "A claim reported by a source must say when the source made it (reported)."
        })
    }
    ref([...path, "attributedTo"], claim.attributedTo, ["actors"])
    claim.restsOn.forEach((id, j) => {
      ref([...path, "restsOn", j], id, evidenceSections)
    })
    const kind = model.kindNamed(claim.kind)
    if (kind === undefined)
      problems.push({
        path: [...path, "kind"],
        message: `"${claim.kind}" is not a kind of claim this case can hold: its kind must be among the kinds given.`
      })
    else {
      const roles = claim as unknown as Record<string, string | ReadonlyArray<string> | undefined>
      for (const field in kind.refers) {
        const named = roles[field]
        if (typeof named === "object")
          named.forEach((id, j) => {
            ref([...path, field, j], id, kind.refers[field]!)
          })
        else ref([...path, field], named, kind.refers[field]!)
      }
    }
  })
  caseFile.observations.forEach((observation, i) => {
    const path = ["observations", i]
    ref([...path, "actor"], observation.actor, ["actors"])
    ref([...path, "source"], observation.source, ["sources"])
    ref([...path, "channel"], observation.channel, ["channels"])
    ref([...path, "under"], observation.under, ["actors"])
    ref([...path, "carriedBy"], observation.carriedBy, evidenceSections)
    if (observation.kind === "absence" && observation.expected === undefined)
      problems.push({
        path: [...path, "expected"],
        message: "An absence must say what release was expected and why (expected)."
      })
  })
  caseFile.relationships.forEach((relationship, i) => {
    const path = ["relationships", i]
    ref([...path, "from"], relationship.from, ["actors"])
    ref([...path, "to"], relationship.to, ["actors"])
    relationship.sources.forEach((id, j) => {
      ref([...path, "sources", j], id, ["sources"])
    })
    relationship.evidence.forEach((id, j) => {
      ref([...path, "evidence", j], id, evidenceSections)
    })
    const { since, until } = relationship
    if (since !== undefined && until !== undefined && until.end < since.start)
      problems.push({
        path: [...path, "until"],
        message: `The relationship ends (${until.text}) before it starts (${since.text}).`
      })
  })
  caseFile.questions.forEach((question, i) => {
    const path = ["questions", i]
    ref([...path, "about"], question.about, ["actors"])
    question.hypotheses.forEach((hypothesis, j) => {
      hypothesis.expects.forEach((expectation, k) => {
        for (const role of [
          "actor",
          "pledger",
          "recipient",
          "absorbed",
          "into",
          "with",
          "to",
          "protector",
          "protected"
        ] as const)
          ref([...path, "hypotheses", j, "expects", k, role], expectation[role], ["actors"])
        ref([...path, "hypotheses", j, "expects", k, "channel"], expectation.channel, ["channels"])
      })
    })
    question.ratings.forEach((rating, j) => {
      ref([...path, "ratings", j, "hypothesis"], rating.hypothesis, ["hypotheses"])
      ref([...path, "ratings", j, "evidence"], rating.evidence, evidenceSections)
    })
  })
  checkCitations(caseFile, problems)
  checkParentLinks(caseFile, problems)
  return problems
}

/** The actor hierarchy must be a tree: following parents from any actor never comes back to it. */
const checkActorTree = (caseFile: CaseFile, problems: Array<CaseProblem>) => {
  const parentOf = new Map(
    caseFile.actors.map((actor) => [actor.id as string, actor.parent as string | undefined])
  )
  const indexOf = new Map(caseFile.actors.map((actor, i) => [actor.id as string, i]))
  const reported = new Set<string>()
  for (const actor of caseFile.actors) {
    const chain: Array<string> = []
    let current: string | undefined = actor.id
    while (current !== undefined && !chain.includes(current)) {
      chain.push(current)
      current = parentOf.get(current)
    }
    if (current === undefined) continue
    const cycle = chain.slice(chain.indexOf(current))
    const key = [...cycle].sort().join(" ")
    if (reported.has(key)) continue
    reported.add(key)
    problems.push({
      path: ["actors", indexOf.get(current)!, "parent"],
      message: `The actor hierarchy has a cycle: ${[...cycle, current].join(" → ")}. Each actor's parent chain must end at a top-level actor.`
    })
  }
}
