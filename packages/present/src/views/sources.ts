import { type CaseFile, type Reliability, reliabilityWords } from "@allegiance/domain"

/** A source with its Admiralty reliability grade, as footnotes and detail panes show it. */
export interface SourceRow {
  readonly id: string
  readonly kind: CaseFile["sources"][number]["kind"]
  readonly description: string
  readonly reliability: Reliability
  /** "usually reliable (B)". */
  readonly grade: string
  readonly reason?: string
  readonly channel?: string
  readonly affiliation?: string
  readonly dependsOn: ReadonlyArray<string>
}

export const sourceRows = (caseFile: CaseFile): ReadonlyArray<SourceRow> =>
  caseFile.sources.map((source) => ({
    id: source.id,
    kind: source.kind,
    description: source.description,
    reliability: source.reliability,
    grade: `${reliabilityWords[source.reliability]} (${source.reliability})`,
    ...(source.reliabilityReason === undefined ? {} : { reason: source.reliabilityReason }),
    ...(source.channel === undefined ? {} : { channel: source.channel }),
    ...(source.affiliation === undefined ? {} : { affiliation: source.affiliation }),
    dependsOn: source.dependsOn
  }))
