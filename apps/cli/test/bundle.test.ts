/**
 * What each start of the installed command loads, read off esbuild's metafile: `--help` and the
 * subcommands other than the terminal UI never load Ink or React, and the UI's reasoning worker loads
 * neither either.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

interface Output {
  readonly imports: ReadonlyArray<{ readonly path: string; readonly kind: string }>
  readonly inputs: Record<string, unknown>
  readonly entryPoint?: string
}
const meta = JSON.parse(readFileSync(new URL("../dist/meta.json", import.meta.url), "utf8")) as {
  readonly outputs: Record<string, Output>
}

/** The source files an output loads when it is imported: its own and its static imports', transitively. */
const loaded = (output: string): ReadonlySet<string> => {
  const inputs = new Set<string>()
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    const found = meta.outputs[path]
    if (found === undefined) return
    for (const input of Object.keys(found.inputs)) inputs.add(input)
    for (const entry of found.imports) if (entry.kind === "import-statement") visit(entry.path)
  }
  visit(output)
  return inputs
}
const outputOf = (predicate: (path: string, output: Output) => boolean) =>
  Object.entries(meta.outputs).find(([path, output]) => predicate(path, output))![0]
const uiLibraries = (inputs: ReadonlySet<string>) =>
  [...inputs].filter((input) => /node_modules\/.pnpm\/(ink|react|react-reconciler|yoga-layout)@/.test(input))

describe("the installed command's bundle", () => {
  it("starts (--help, every subcommand's flags) without Ink or React", () => {
    expect(uiLibraries(loaded(outputOf((path) => path.endsWith("/allegiance.js"))))).toEqual([])
  })

  it("runs date-check and evaluate without Ink or React", () => {
    for (const command of ["date-check", "evaluate"]) {
      const chunk = outputOf((_, output) => output.entryPoint?.endsWith(`src/run/${command}.ts`) === true)
      expect(uiLibraries(loaded(chunk)), command).toEqual([])
    }
  })

  it("has the terminal UI's reasoning worker as an entry of its own, without Ink or React", () => {
    const worker = outputOf((path) => path.endsWith("/tui-worker.js"))
    expect(uiLibraries(loaded(worker))).toEqual([])
  })

  it("loads Ink and React when the terminal UI starts", () => {
    const tui = outputOf((_, output) => output.entryPoint?.endsWith("src/run/tui.ts") === true)
    const dynamic = meta.outputs[tui]!.imports.filter((entry) => entry.kind === "dynamic-import")
    const reachable = new Set(dynamic.flatMap((entry) => [...loaded(entry.path)]))
    expect(uiLibraries(reachable).length).toBeGreaterThan(0)
  })
})
