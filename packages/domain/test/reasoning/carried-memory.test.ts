import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CarriedMemory } from "../../src/reasoning/list-index.ts"

// A tree of views, each made from an earlier one (a line moved on, and branches where an analyst went
// back to a kept day and on another way), each letting some keys go (items that came in or were
// renamed there) and asking for some. What a key is worth in a view depends only on where, on the way to
// that view, it was last let go: so a view must read, for each key, nothing or that worth, never one
// worked out before the key was let go on its way, nor one of another branch that let it go elsewhere.

const keys = ["a", "b", "c", "d", "e", "f"]
const key = fc.constantFrom(...keys)

const step = fc.record({
  from: fc.nat(),
  dropped: fc.uniqueArray(key, { maxLength: 3 }),
  asked: fc.array(key, { maxLength: 4 })
})

describe("a memory carried from view to view", () => {
  it("reads, in each view, only what a key is worth there", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const memories = [CarriedMemory.empty<string>()]
        // For each view and key, the view on its way where the key was last let go (0: the first view).
        const lastLetGo: Array<Map<string, number>> = [new Map()]
        const worth = (view: number, name: string) => `${name} as of view ${lastLetGo[view]!.get(name) ?? 0}`
        steps.forEach(({ from, dropped, asked }) => {
          const earlier = from % memories.length
          const view = memories.length
          memories.push(memories[earlier]!.carried(new Set(dropped)))
          const letGo = new Map(lastLetGo[earlier])
          for (const name of dropped) letGo.set(name, view)
          lastLetGo.push(letGo)
          const memory = memories[view]!
          for (const name of asked) {
            const held = memory.get(name)
            if (held === undefined) memory.set(name, worth(view, name))
            else expect(held, `view ${view}, key ${name}`).toBe(worth(view, name))
          }
        })
        memories.forEach((memory, view) => {
          for (const name of keys) {
            const held = memory.get(name)
            if (held !== undefined) expect(held, `view ${view}, key ${name}`).toBe(worth(view, name))
          }
        })
      }),
      { numRuns: 500 }
    )
  })

  it("starts afresh once a line has let many keys go, still reading what stands", () => {
    let memory = CarriedMemory.empty<string>()
    memory.set("kept", "kept")
    for (let at = 0; at < 40; at++) {
      memory = memory.carried(new Set(Array.from({ length: 1000 }, (_, i) => `gone-${at}-${i}`)))
      memory.set(`gone-${at}-0`, `worked out in view ${at}`)
    }
    // Past the line's limit the memory may have forgotten what stood, but it never reads a wrong value.
    const kept = memory.get("kept")
    expect(kept === undefined || kept === "kept").toBe(true)
    expect(memory.get("gone-39-0")).toBe("worked out in view 39")
    const earlier = memory.get("gone-38-0")
    expect(earlier === undefined || earlier === "worked out in view 38").toBe(true)
  })
})
