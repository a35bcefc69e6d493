/**
 * The sections of a case the API serves as resources, each with the domain Schema its items are
 * read and written with. The API's paths use the sections' own names (`/cases/{case}/statements`).
 */
import {
  Actor,
  CaseInfo,
  Channel,
  Claim,
  type ItemSection,
  Observation,
  Question,
  Relationship,
  Source,
  Statement
} from "@allegiance/domain"
import type { Schema } from "effect"

export const sectionSchemas = {
  actors: Actor,
  channels: Channel,
  sources: Source,
  statements: Statement,
  claims: Claim,
  observations: Observation,
  relationships: Relationship,
  questions: Question
} as const satisfies Record<ItemSection, Schema.Top>

export type Section = keyof typeof sectionSchemas
export const sections = Object.keys(sectionSchemas) as ReadonlyArray<Section>

/** What one item of each section is called, in messages. */
export const sectionNoun: Record<Section, string> = {
  actors: "actor",
  channels: "channel",
  sources: "source",
  statements: "statement",
  claims: "claim",
  observations: "observation",
  relationships: "relationship",
  questions: "question"
}

export { CaseInfo }
