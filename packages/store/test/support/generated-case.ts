/**
 * Large, valid case files for load tests and benchmarks, from a seeded generator: the
 * same size and seed always give the same case. For `statements` statements there are
 * as many claims, a fifth as many observations, a tenth as many channels and sources,
 * a twentieth as many actors, a fiftieth as many relationships and a thousandth as many
 * questions.
 */

/** A small, fast, seeded generator (mulberry32). */
const random = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
]

/** The encoded form of a generated case (what a YAML or JSON case file holds). */
export const generateCase = (options: {
  readonly statements: number
  readonly seed?: number
  readonly id?: string
}) => {
  const next = random(options.seed ?? 1)
  const pick = (n: number) => Math.floor(next() * n)
  const n = options.statements
  const count = (divisor: number) => Math.max(2, Math.ceil(n / divisor))
  const actors = Array.from({ length: count(20) }, (_, i) => ({
    id: `actor-${i}`,
    kind: i < 10 ? "group" : "branch",
    name: { primary: `Generated Group ${i}`, aliases: [`GG${i}`] },
    // Parents always come earlier, so the hierarchy is a tree.
    ...(i < 10 ? {} : { parent: `actor-${pick(Math.min(i, 10))}` }),
    cites: [{ paragraph: 1 + pick(50) }]
  }))
  const actor = () => `actor-${pick(actors.length)}`
  const channels = Array.from({ length: count(10) }, (_, i) => ({
    id: `channel-${i}`,
    kind: "social-media-account",
    platform: "Twitter",
    handle: `@generated_${i}`,
    speaksFor: actor(),
    cites: [{ paragraph: 1 + pick(50) }]
  }))
  const sources = Array.from({ length: count(10) }, (_, i) => ({
    id: `source-${i}`,
    kind: i % 3 === 0 ? "field-interview" : "news-report",
    description: `Generated source number ${i}`,
    reliability: "ABCDEF"[pick(6)],
    cites: [{ paragraph: 1 + pick(50) }]
  }))
  const day = () => {
    const month = pick(12)
    return { text: `${1 + pick(28)} ${months[month]} ${2010 + pick(10)}` }
  }
  const statements = Array.from({ length: n }, (_, i) => ({
    id: `statement-${i}`,
    title: `Generated statement ${i} on the situation of the group`,
    serial: { text: `Statement ${i}`, number: i },
    issuer: { nameAsPrinted: `Leadership of Generated Group ${i % actors.length}`, actor: actor() },
    channel: `channel-${pick(channels.length)}`,
    observed: day().text,
    language: "ar",
    excerpt: `An excerpt of generated statement ${i}, long enough to look like the printed text of a real one.`,
    cites: [{ paragraph: 1 + pick(50) }]
  }))
  const claims = Array.from({ length: n }, (_, i) => {
    const common = {
      id: `claim-${i}`,
      scope: actor(),
      madeBy: { statement: `statement-${i}` },
      summary: `Generated claim ${i}`,
      cites: [{ paragraph: 1 + pick(50) }]
    }
    switch (i % 4) {
      case 0:
        return { kind: "pledge", ...common, pledger: common.scope, recipient: actor() }
      case 1:
        return { kind: "continued-existence", ...common, actor: common.scope }
      case 2:
        return { kind: "cooperation", ...common, actor: common.scope, with: actor(), front: "Handarat" }
      default:
        return {
          kind: "size-estimate",
          ...common,
          actor: common.scope,
          estimate: "hundreds",
          low: 100,
          high: 900
        }
    }
  })
  const observations = Array.from({ length: count(5) }, (_, i) => ({
    id: `observation-${i}`,
    kind: "activity",
    actor: actor(),
    source: `source-${pick(sources.length)}`,
    date: day().text,
    description: `Photos of generated group activity number ${i}`,
    cites: [{ paragraph: 1 + pick(50) }]
  }))
  const relationships = Array.from({ length: count(50) }, (_, i) => ({
    id: `relationship-${i}`,
    kind: "cooperates-with",
    from: actor(),
    to: actor(),
    sources: [`source-${pick(sources.length)}`],
    cites: [{ paragraph: 1 + pick(50) }]
  }))
  const questions = Array.from({ length: count(1000) }, (_, i) => ({
    id: `question-${i}`,
    text: `Does generated group ${i} still exist?`,
    about: actor(),
    hypotheses: [
      { id: `question-${i}-yes`, text: "It continues", cites: [{ paragraph: 1 }] },
      { id: `question-${i}-no`, text: "It has dissolved", cites: [{ paragraph: 1 }] }
    ],
    cites: [{ paragraph: 1 }]
  }))
  return {
    case: { id: options.id ?? `generated-${n}`, title: `A generated case of ${n} statements` },
    actors,
    channels,
    sources,
    statements,
    claims,
    observations,
    relationships,
    questions
  }
}

/** How many items a generated case has in all (the case section not counted). */
export const itemCount = (generated: ReturnType<typeof generateCase>): number =>
  generated.actors.length +
  generated.channels.length +
  generated.sources.length +
  generated.statements.length +
  generated.claims.length +
  generated.observations.length +
  generated.relationships.length +
  generated.questions.length

/** A generated case as file text. JSON is a form of YAML, so the case-file reader takes it as it is. */
export const generateCaseText = (options: {
  readonly statements: number
  readonly seed?: number
  readonly id?: string
}) => JSON.stringify(generateCase(options), null, 1)
