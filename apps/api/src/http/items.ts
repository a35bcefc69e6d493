/** Items as the store keeps them: the validator hands over the decoded model, the store wants its encoded form. */
import { type Section, sectionSchemas } from "@allegiance/service"
import { Schema } from "effect"

const encoders = new Map(
  Object.entries(sectionSchemas).map(([section, schema]) => [
    section,
    Schema.encodeSync(schema as unknown as Schema.Codec<unknown, unknown>)
  ])
)

export const encodeItem = (section: Section, item: unknown): { readonly id: string } =>
  encoders.get(section)!(item) as { readonly id: string }
