/** Small valid cases as store items, for tests that write through the store's own API. */
import type { ItemInput } from "../../src/store.ts"

/** An actor's body: a group with a name, citing the first paragraph. */
export const actorBody = (id: string, primary: string) => ({
  id,
  kind: "group",
  name: { primary },
  cites: [{ paragraph: 1 }]
})

/** A case's own section and `actors` groups a0, a1, ..., each named by `nameOf`. */
export const smallCaseItems = (
  caseName: string,
  actors: number,
  nameOf: (index: number) => string = (index) => `Group ${index}`
): Array<ItemInput> => [
  { kind: "case", id: "case", body: { id: caseName, title: `The ${caseName} case` } },
  ...Array.from({ length: actors }, (_, index) => ({
    kind: "actors",
    id: `a${index}`,
    body: actorBody(`a${index}`, nameOf(index))
  }))
]
