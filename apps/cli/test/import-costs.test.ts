import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

/**
 * What starting the command costs is decided by what its modules pull in and do when loaded. These
 * tests read the bundle that the command runs (built by the test setup): esbuild's metafile says which
 * source files each chunk holds and which chunks it imports statically, that is, what is loaded the
 * moment a subcommand's work is loaded.
 */
const dist = fileURLToPath(new URL("../dist/", import.meta.url))
interface Metafile {
  readonly outputs: Record<
    string,
    {
      readonly entryPoint?: string
      readonly inputs: Record<string, unknown>
      readonly imports: ReadonlyArray<{
        readonly path: string
        readonly kind: string
        readonly external?: boolean
      }>
    }
  >
}
const meta = JSON.parse(readFileSync(`${dist}meta.json`, "utf8")) as Metafile

/** The source files loaded with the chunk of an entry point (the start, or one subcommand's work). */
const loadedWith = (entryPoint: string): ReadonlyArray<string> => {
  const output = Object.keys(meta.outputs).find((path) => meta.outputs[path]!.entryPoint === entryPoint)
  if (output === undefined) throw new Error(`no chunk holds ${entryPoint}`)
  const seen = new Set<string>()
  const walk = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imported of meta.outputs[path]!.imports)
      if (imported.kind === "import-statement" && !imported.external) walk(imported.path)
  }
  walk(output)
  return [...seen].flatMap((path) => Object.keys(meta.outputs[path]!.inputs))
}

const heavy = {
  // The store, apart from its location module: the path constants that the --db flag's help names.
  store: (input: string) =>
    input.includes("packages/store/") && !input.endsWith("packages/store/src/location.ts"),
  "SQLite driver": (input: string) => input.includes("sqlite"),
  "case-file reader": (input: string) => input.includes("packages/case-file/"),
  "YAML parser": (input: string) => /node_modules\/(\.pnpm\/yaml@[^/]+\/node_modules\/)?yaml\//.test(input),
  reasoning: (input: string) => input.includes("packages/domain/src/reasoning/"),
  calendar: (input: string) =>
    input.includes("packages/domain/src/calendar/") && !input.endsWith("printed-date.ts")
} as const

const pulledIn = (entryPoint: string, names: ReadonlyArray<keyof typeof heavy>) => {
  const inputs = loadedWith(entryPoint)
  return names.filter((name) => inputs.some(heavy[name]))
}

describe("what each start loads", () => {
  it("starts (and answers --help) without the store, the case-file reader, the YAML parser, the reasoning or the calendar", () => {
    expect(pulledIn("src/bin.ts", Object.keys(heavy) as Array<keyof typeof heavy>)).toEqual([])
  })

  it("checks dates without the store, the case-file reader or the YAML parser", () => {
    expect(
      pulledIn("src/run/date-check.ts", [
        "store",
        "SQLite driver",
        "case-file reader",
        "YAML parser",
        "reasoning"
      ])
    ).toEqual([])
  })

  it("solves argumentation tasks with the argumentation core alone", () => {
    expect(
      pulledIn("src/run/af.ts", [
        "store",
        "SQLite driver",
        "case-file reader",
        "YAML parser",
        "reasoning",
        "calendar"
      ])
    ).toEqual([])
  })

  it("validates a case file without the store", () => {
    expect(pulledIn("src/run/validate.ts", ["store", "SQLite driver"])).toEqual([])
    expect(pulledIn("src/run/validate.ts", ["case-file reader", "YAML parser"])).toEqual([
      "case-file reader",
      "YAML parser"
    ])
  })
})

describe("loading a module", () => {
  it("reads no file: every chunk of the command can be loaded with the file system's reading calls refused", () => {
    // The entry points run a program when loaded (the command, the terminal UI's reasoning worker).
    const programs = new Set(["allegiance.js", "tui-worker.js"])
    // Ink's developer tools chunk is loaded only when DEV=true, and the package it needs is left out of
    // the bundle on purpose (see scripts/build.ts): it is the one chunk that cannot be loaded here.
    const optional = new Set(
      Object.entries(meta.outputs)
        .filter(([, output]) =>
          output.imports.some((imported) => imported.external && imported.path === "react-devtools-core")
        )
        .map(([path]) => path.split("/").at(-1)!)
    )
    const chunks = readdirSync(`${dist}code`).filter(
      (name) => name.endsWith(".js") && !programs.has(name) && !optional.has(name)
    )
    // A child process refuses every reading call of node:fs (and reports who made it), then loads
    // every chunk: only what runs when a module is loaded can have made such a call.
    const probe = `
      import fs from "node:fs"
      import { syncBuiltinESMExports } from "node:module"
      const calls = []
      for (const name of ["readFileSync", "readFile", "openSync", "open", "readdirSync", "readdir", "createReadStream", "existsSync", "statSync"]) {
        const original = fs[name]
        fs[name] = function (...args) {
          // Node's module loader reads the modules themselves through node:fs too; only calls made
          // from a module's own code (a file: frame on the stack) are what loading it does.
          const stack = new Error().stack.split("\\n").slice(2)
          if (stack.some((frame) => frame.includes("file://") && !frame.includes("[eval")))
            calls.push(name + "(" + String(args[0]) + ")\\n" + stack.slice(0, 4).join("\\n"))
          return original.apply(this, args)
        }
      }
      for (const name of ["readFile", "open", "readdir", "stat"]) {
        const original = fs.promises[name]
        fs.promises[name] = function (...args) {
          const stack = new Error().stack.split("\\n").slice(2)
          if (stack.some((frame) => frame.includes("file://") && !frame.includes("[eval")))
            calls.push("promises." + name + "(" + String(args[0]) + ")\\n" + stack.slice(0, 4).join("\\n"))
          return original.apply(this, args)
        }
      }
      syncBuiltinESMExports()
      for (const chunk of ${JSON.stringify(chunks)}) await import(new URL("code/" + chunk, ${JSON.stringify(`file://${dist}`)}).href)
      process.stdout.write(JSON.stringify(calls))
    `
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" })
    expect(run.stderr).toBe("")
    expect(JSON.parse(run.stdout)).toEqual([])
  })
})
