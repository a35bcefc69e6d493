/** The route suite on Node, through `app.request()`: each case on a store of its own. */
import { describe, it } from "vitest"
import { routeCases } from "./suite/route-suite.ts"
import { nodeApp } from "./support/node-app.ts"

describe("the edge API on Node", () => {
  for (const suiteCase of routeCases) {
    it(suiteCase.name, async () => {
      const context = await nodeApp()
      try {
        await suiteCase.run(context)
      } finally {
        await context.dispose()
      }
    })
  }
})
