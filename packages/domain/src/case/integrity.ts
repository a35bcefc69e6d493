import type { ClaimKind } from "../claims/claim-kind.ts"
import { type CaseFile, type ItemSection, itemSections } from "../model/case-file.ts"
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
 *
 * A reader that could not read some items leaves holes in their sections (a sparse list), so that the
 * others keep their places, and passes the ids those items declare as `unread`: references to them are
 * taken to name something, whose kind cannot be checked until the item is put right.
 */
export const checkIntegrity = (
  caseFile: CaseFile,
  options: {
    readonly kinds?: ReadonlyArray<ClaimKind> | undefined
    readonly unread?: ReadonlySet<string> | undefined
  } = {}
): ReadonlyArray<CaseProblem> => {
  const model = modelOf(options.kinds)
  const problems: Array<CaseProblem> = []
  // Where each id is declared, as one number: the item's place times the sections, plus its section's
  // index in `declaringSections`. A case of 100,000 statements declares some 300,000 ids, and an object
  // and a path for each were most of what this check cost; paths are made only for problems.
  const where: Record<string, number> = Object.create(null)
  // A hypothesis's place is its question's and its own: the n-th hypothesis declared is at these.
  const hypothesisQuestion: Array<number> = []
  const hypothesisIndex: Array<number> = []
  const unread = options.unread
  /** The path of the item whose code is `code`: its section and place, a hypothesis's question's too. */
  const declaredAt = (code: number): Path => {
    const section = declaringSections[code % declaringSections.length]!
    const at = Math.floor(code / declaringSections.length)
    return section === "hypotheses"
      ? ["questions", hypothesisQuestion[at]!, "hypotheses", hypothesisIndex[at]!]
      : [section, at]
  }
  const declare = (id: string, code: number) => {
    const first = where[id]
    if (first === undefined) where[id] = code
    else
      problems.push({
        path: [...declaredAt(code), "id"],
        message: `The id "${id}" is used twice: it already names the ${sectionNoun[declaringSections[first % declaringSections.length]!]} at ${declaredAt(first).join(".")}. Every item in a case needs its own id.`
      })
  }
  for (const section of itemSections) {
    if (section === "questions") continue
    const sectionCode = declaringSections.indexOf(section)
    caseFile[section].forEach((item: { readonly id: string }, i: number) => {
      declare(item.id, i * declaringSections.length + sectionCode)
    })
  }
  // A question's hypotheses are declared right after it, as they are written.
  const questionCode = declaringSections.indexOf("questions")
  const hypothesisCode = declaringSections.indexOf("hypotheses")
  caseFile.questions.forEach((question, i) => {
    declare(question.id, i * declaringSections.length + questionCode)
    question.hypotheses.forEach((hypothesis, j) => {
      const at = hypothesisQuestion.push(i) - 1
      hypothesisIndex.push(j)
      declare(hypothesis.id, at * declaringSections.length + hypothesisCode)
    })
  })

  /**
   * Checks that `id` names an item of one of the `allowed` sections; the problem's path is the keys
   * given after it (a fixed list of parameters rather than an array, so that a reference that is
   * right, which nearly every one is, costs no allocation).
   */
  const ref = (
    id: string | undefined,
    allowed: ReadonlyArray<ItemSection | "hypotheses">,
    a: Key,
    b: Key,
    c?: Key,
    d?: Key,
    e?: Key,
    f?: Key,
    g?: Key
  ) => {
    if (id === undefined) return
    const target = where[id]
    if (target === undefined) {
      if (unread?.has(id) === true) return
      problems.push({
        path: pathOf(a, b, c, d, e, f, g),
        message: `"${id}" names nothing in this case: expected the id of ${nounList(allowed)}.`
      })
      return
    }
    const section = declaringSections[target % declaringSections.length]!
    if (!allowed.includes(section)) {
      problems.push({
        path: pathOf(a, b, c, d, e, f, g),
        message: `"${id}" is a ${sectionNoun[section]}, but this field expects ${nounList(allowed)}.`
      })
    }
  }

  caseFile.actors.forEach((actor, i) => {
    ref(actor.parent, actorsOnly, "actors", i, "parent")
    actor.parents?.forEach((link, j) => {
      ref(link.actor, actorsOnly, "actors", i, "parents", j, "actor")
    })
  })
  checkActorTree(caseFile, problems)
  caseFile.channels.forEach((channel, i) => {
    ref(channel.speaksFor, actorsOnly, "channels", i, "speaksFor")
  })
  caseFile.sources.forEach((source, i) => {
    ref(source.channel, channelsOnly, "sources", i, "channel")
    ref(source.affiliation, actorsOnly, "sources", i, "affiliation")
    source.dependsOn.forEach((id, j) => {
      ref(id, sourcesOnly, "sources", i, "dependsOn", j)
    })
  })
  caseFile.statements.forEach((statement, i) => {
    ref(statement.issuer.actor, actorsOnly, "statements", i, "issuer", "actor")
    ref(statement.issuer.signedBy, actorsOnly, "statements", i, "issuer", "signedBy")
    statement.signers?.forEach((id, j) => {
      ref(id, actorsOnly, "statements", i, "signers", j)
    })
    ref(statement.channel, channelsOnly, "statements", i, "channel")
    statement.relayedBy?.forEach((id, j) => {
      ref(id, channelsOnly, "statements", i, "relayedBy", j)
    })
  })
  // What each kind of claim names, listed once per kind rather than looked up for every claim.
  const referencesOf = new Map<ClaimKind, ReadonlyArray<readonly [string, ReadonlyArray<ItemSection>]>>()
  caseFile.claims.forEach((claim, i) => {
    ref(claim.scope, actorsOnly, "claims", i, "scope")
    if ("statement" in claim.madeBy)
      ref(claim.madeBy.statement, statementsOnly, "claims", i, "madeBy", "statement")
    else {
      ref(claim.madeBy.source, sourcesOnly, "claims", i, "madeBy", "source")
      if (claim.reported === undefined)
        problems.push({
          path: ["claims", i, "reported"],
          message: "A claim reported by a source must say when the source made it (reported)."
        })
    }
    ref(claim.attributedTo, actorsOnly, "claims", i, "attributedTo")
    claim.restsOn.forEach((id, j) => {
      ref(id, evidenceSections, "claims", i, "restsOn", j)
    })
    const kind = model.kindNamed(claim.kind)
    if (kind === undefined)
      problems.push({
        path: ["claims", i, "kind"],
        message: `"${claim.kind}" is not a kind of claim this case can hold: its kind must be among the kinds given.`
      })
    else {
      let references = referencesOf.get(kind)
      if (references === undefined) {
        references = Object.entries(kind.refers) as ReadonlyArray<
          readonly [string, ReadonlyArray<ItemSection>]
        >
        referencesOf.set(kind, references)
      }
      const roles = claim as unknown as Record<string, string | ReadonlyArray<string> | undefined>
      for (const [field, allowed] of references) {
        const named = roles[field]
        if (typeof named === "object")
          named.forEach((id, j) => {
            ref(id, allowed, "claims", i, field, j)
          })
        else ref(named, allowed, "claims", i, field)
      }
    }
  })
  caseFile.observations.forEach((observation, i) => {
    ref(observation.actor, actorsOnly, "observations", i, "actor")
    ref(observation.source, sourcesOnly, "observations", i, "source")
    ref(observation.channel, channelsOnly, "observations", i, "channel")
    ref(observation.under, actorsOnly, "observations", i, "under")
    ref(observation.carriedBy, evidenceSections, "observations", i, "carriedBy")
    if (observation.kind === "absence" && observation.expected === undefined)
      problems.push({
        path: ["observations", i, "expected"],
        message: "An absence must say what release was expected and why (expected)."
      })
  })
  caseFile.relationships.forEach((relationship, i) => {
    ref(relationship.from, actorsOnly, "relationships", i, "from")
    ref(relationship.to, actorsOnly, "relationships", i, "to")
    relationship.sources.forEach((id, j) => {
      ref(id, sourcesOnly, "relationships", i, "sources", j)
    })
    relationship.evidence.forEach((id, j) => {
      ref(id, evidenceSections, "relationships", i, "evidence", j)
    })
    const { since, until } = relationship
    if (since !== undefined && until !== undefined && until.end < since.start)
      problems.push({
        path: ["relationships", i, "until"],
        message: `The relationship ends (${until.text}) before it starts (${since.text}).`
      })
  })
  caseFile.questions.forEach((question, i) => {
    ref(question.about, actorsOnly, "questions", i, "about")
    question.hypotheses.forEach((hypothesis, j) => {
      hypothesis.expects.forEach((expectation, k) => {
        for (const role of expectationRoles)
          ref(expectation[role], actorsOnly, "questions", i, "hypotheses", j, "expects", k, role)
        ref(expectation.channel, channelsOnly, "questions", i, "hypotheses", j, "expects", k, "channel")
      })
    })
    question.ratings.forEach((rating, j) => {
      ref(rating.hypothesis, hypothesesOnly, "questions", i, "ratings", j, "hypothesis")
      ref(rating.evidence, evidenceSections, "questions", i, "ratings", j, "evidence")
    })
  })
  checkCitations(caseFile, problems)
  checkParentLinks(caseFile, problems)
  return problems
}

type Key = string | number

/** The path of the keys given, up to the first left out. */
const pathOf = (...keys: ReadonlyArray<Key | undefined>): Path => {
  const end = keys.indexOf(undefined)
  return (end === -1 ? keys : keys.slice(0, end)) as Path
}

/** The sections whose items declare ids, in the order their codes number them. */
const declaringSections: ReadonlyArray<ItemSection | "hypotheses"> = [...itemSections, "hypotheses"]
const actorsOnly = ["actors"] as const
const channelsOnly = ["channels"] as const
const sourcesOnly = ["sources"] as const
const statementsOnly = ["statements"] as const
const hypothesesOnly = ["hypotheses"] as const
const expectationRoles = [
  "actor",
  "pledger",
  "recipient",
  "absorbed",
  "into",
  "with",
  "to",
  "protector",
  "protected"
] as const

/** The actor hierarchy must be a tree: following parents from any actor never comes back to it. */
const checkActorTree = (caseFile: CaseFile, problems: Array<CaseProblem>) => {
  const parentOf = new Map<string, string | undefined>()
  const indexOf = new Map<string, number>()
  // forEach passes over the holes a reader leaves for items it could not read.
  caseFile.actors.forEach((actor, i) => {
    parentOf.set(actor.id, actor.parent)
    indexOf.set(actor.id, i)
  })
  const reported = new Set<string>()
  for (const actor of caseFile.actors) {
    if (actor === undefined) continue
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
