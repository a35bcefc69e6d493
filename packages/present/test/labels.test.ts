import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { itemNames } from "../src/index.ts"

// A list names an item in at most 72 characters; a name cut to fit is cut between words.
describe("a name cut to fit a list", () => {
  const words = fc.array(fc.stringMatching(/^[A-Za-z'’,.-]{1,14}$/), { minLength: 1, maxLength: 30 })

  it("is the whole description when it fits, else a prefix ending at a word, with an ellipsis", () => {
    fc.assert(
      fc.property(words, (list) => {
        const description = list.join(" ")
        const name = itemNames.observation({ description })
        expect(name.length).toBeLessThanOrEqual(72)
        if (description.length <= 72) {
          expect(name).toBe(description)
          return
        }
        expect(name.endsWith("…")).toBe(true)
        const kept = name.slice(0, -1)
        expect(description.startsWith(kept)).toBe(true)
        // The next character of the description is where a word ends: a space or the punctuation before it.
        const next = description.charAt(kept.length)
        const whole = list.some(
          (_, at) =>
            list
              .slice(0, at + 1)
              .join(" ")
              .replace(/[\s,;:.–—-]+$/u, "") === kept
        )
        expect(whole || next === " ", `${kept} | ${description}`).toBe(true)
      })
    )
  })

  it("keeps a description that fits whole", () => {
    expect(itemNames.observation({ description: "Photos of the banner." })).toBe("Photos of the banner.")
  })
})
