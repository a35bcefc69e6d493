/**
 * The seed brief's diagrams as a reader's browser draws them: headless Chromium (Debian's `chromium`,
 * which .ci/run installs when it is missing) loads Mermaid's own script from node_modules (never a
 * CDN), renders each diagram of the brief and the test checks that each gave an SVG with its labels.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { brief } from "../src/index.ts"
import { mermaidBlocks, readBack } from "./support/read-back.ts"

const chromium = (() => {
  for (const name of [process.env.CHROMIUM, "chromium", "chromium-browser"])
    if (name !== undefined && spawnSync("sh", ["-c", `command -v ${name}`]).status === 0) return name
  return undefined
})()

const mermaidScript = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js")

/** A page that renders each diagram with Mermaid and writes what came of it into the page. */
const page = (diagrams: ReadonlyArray<string>) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Brief diagrams</title>
<script src="${pathToFileURL(mermaidScript).href}"></script></head>
<body>
<script type="application/json" id="diagrams">${JSON.stringify(diagrams).replace(/</g, "\\u003c")}</script>
<script>
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" })
  const diagrams = JSON.parse(document.getElementById("diagrams").textContent)
  ;(async () => {
    const results = []
    for (const [index, text] of diagrams.entries()) {
      try {
        const { svg } = await mermaid.render("diagram" + index, text)
        const holder = document.createElement("div")
        holder.innerHTML = svg
        document.body.appendChild(holder)
        const drawn = holder.querySelector("svg")
        results.push({ ok: true, elements: drawn.querySelectorAll("*").length, text: drawn.textContent, role: drawn.getAttribute("aria-roledescription") })
      } catch (error) {
        results.push({ ok: false, error: String(error) })
      }
    }
    const report = document.createElement("pre")
    report.id = "report"
    report.textContent = btoa(unescape(encodeURIComponent(JSON.stringify(results))))
    document.body.appendChild(report)
  })()
</script></body></html>`

interface Rendered {
  readonly ok: boolean
  readonly elements?: number
  readonly text?: string
  readonly role?: string
  readonly error?: string
}

describe.runIf(chromium !== undefined || process.env.CI !== undefined)(
  "the seed brief's diagrams in Chromium",
  () => {
    it("render each as a non-empty SVG holding its labels", () => {
      expect(chromium, "Chromium is not installed: apt-get install chromium (.ci/run does it)").toBeDefined()
      const read = readCaseText(bundledCaseText(), "seed.yaml")
      if (Result.isFailure(read)) throw new Error("the bundled case does not read")
      const seed = read.success
      const { markdown } = brief(seed, evaluateCase(seed, { asOf: "2015-01-09" as IsoDay }))
      const diagrams = mermaidBlocks(readBack(markdown))
      expect(diagrams).toHaveLength(2)

      const folder = mkdtempSync(join(tmpdir(), "allegiance-diagrams-"))
      const file = join(folder, "diagrams.html")
      writeFileSync(file, page(diagrams))
      const dom = execFileSync(
        chromium!,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--allow-file-access-from-files",
          `--user-data-dir=${join(folder, "profile")}`,
          "--virtual-time-budget=20000",
          "--dump-dom",
          pathToFileURL(file).href
        ],
        { encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "ignore"] }
      )
      const report = /<pre id="report">([^<]*)<\/pre>/.exec(dom)?.[1]
      expect(report, "the page never reported: Mermaid did not load or did not finish").toBeDefined()
      const results = JSON.parse(Buffer.from(report!, "base64").toString("utf8")) as ReadonlyArray<Rendered>
      expect(results.map((result) => result.error ?? "rendered")).toEqual(["rendered", "rendered"])
      const [flowchart, timeline] = results
      expect(flowchart?.role).toBe("flowchart-v2")
      expect(timeline?.role).toBe("timeline")
      for (const result of results) expect(result.elements).toBeGreaterThan(10)
      // Labels are wrapped into lines and words as drawn: compared without their spaces.
      const drawn = (result: Rendered | undefined) => (result?.text ?? "").replace(/\s+/g, "")
      expect(drawn(flowchart)).toContain("JAISyria")
      expect(drawn(flowchart)).toContain("JAIIraq(ceased)")
      expect(drawn(timeline)).toContain("Statement449")
    })
  }
)
