import type { BriefJudgment } from "@allegiance/present"
import type { ListItem, RootContent } from "mdast"
import { bulletList, emphasis, list, listItem, type Phrasing, paragraph, strong } from "../markdown/nodes.ts"
import { capitalised, counted, oneLine, withStop } from "../markdown/words.ts"
import { type BriefWriter, disputeKey } from "./writer.ts"

/** "established, **very likely**, because …." : the verdict, its estimative words and the reason for them. */
export const verdictWords = (status: string, confidence: string, reason: string): ReadonlyArray<Phrasing> => [
  `${status}, `,
  strong(oneLine(confidence)),
  `, because ${withStop(reason)}`
]

/** The reasons already given in the section: a reason two judgments share is given once, with the first. */
type Given = Set<string>

const judgmentItem = (writer: BriefWriter, judgment: BriefJudgment, given: Given): ListItem => {
  const sentence: Array<Phrasing> =
    judgment.answers === undefined
      ? [
          `${capitalised(judgment.about)}: `,
          ...verdictWords(judgment.status, judgment.confidence, judgment.reason)
        ]
      : [
          strong(oneLine(judgment.answers.questionText)),
          ` Of ${counted(judgment.answers.of, "hypothesis", "hypotheses")}, the leading one: `,
          emphasis(oneLine(judgment.answers.hypothesis)),
          ` ${capitalised(judgment.status)}, `,
          ...verdictWords(judgment.status, judgment.confidence, judgment.reason).slice(1)
        ]
  sentence.push(...writer.footnotes.cite(judgment.sources))
  if (writer.disputed.has(judgment.id)) {
    const label = writer.content.disputed.find((item) => item.id === judgment.id)?.label ?? judgment.about
    sentence.push(" In dispute: see ", writer.headings.linkTo(disputeKey(judgment.id), oneLine(label)), ".")
  }
  const item = listItem(paragraph(...sentence))
  const fresh = <R extends { readonly sentence: string }>(reasons: ReadonlyArray<R>) =>
    reasons.filter((reason) => {
      if (given.has(reason.sentence)) return false
      given.add(reason.sentence)
      return true
    })
  const reasons: Array<ReadonlyArray<Phrasing>> = [
    ...fresh(judgment.defeatedBy).map((reason) => [
      "What defeats it: ",
      withStop(reason.clause),
      ...writer.footnotes.cite(reason.sources)
    ]),
    ...fresh(judgment.withstood).map((attack) => [
      "Said against it, and defeated: ",
      withStop(attack.clause),
      ...writer.footnotes.cite(attack.sources),
      ...attack.defeatedBy.flatMap((reason, index) => [
        ...(index === 0
          ? [" What defeats that: ", withStop(reason.clause)]
          : [" ", withStop(reason.sentence)]),
        ...writer.footnotes.cite(reason.sources)
      ])
    ])
  ]
  if (reasons.length > 0) item.children.push(bulletList(reasons))
  return item
}

/** The key judgments, first: each a sentence with its estimative words, the reason for them and its sources. */
export const keyJudgments = (writer: BriefWriter): ReadonlyArray<RootContent> => {
  const { judgments, more } = writer.content.judgments
  const nodes: Array<RootContent> = [writer.headings.make(2, "Key judgments", "Key judgments")]
  if (judgments.length === 0) {
    nodes.push(paragraph("The case holds no open question and no change of allegiance to judge yet."))
    return nodes
  }
  const given: Given = new Set()
  nodes.push(list(judgments.map((judgment) => judgmentItem(writer, judgment, given))))
  if (more > 0)
    nodes.push(
      paragraph(
        `${counted(more, "further judgment")} of the same kinds ${more === 1 ? "is" : "are"} in the sections below.`
      )
    )
  return nodes
}
