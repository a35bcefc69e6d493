import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { AfExit, type AfRequest, runAf } from "../src/run/af.ts"
import { allegianceBin } from "./support/installed-command.ts"

const files: Record<string, string> = {
  "chain.af": "p af 5\n1 2\n2 3\n4 5\n5 4\n",
  "odd.af": "p af 3\n1 2\n2 3\n3 1\n",
  "named.apx": "arg(a).\narg(b).\natt(a,b).\n",
  "named.tgf": "a\nb\n#\nb a\n",
  "broken.af": "p af 3\n1 2\n2 4\n"
}

/** Runs af on the files above, fed in chunks of 7 bytes, and collects what it prints and its exit code. */
const run = (request: AfRequest, clock: () => number = () => 0) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const exitCode = runAf(request, {
    open: (path) => {
      const text = files[path]
      if (text === undefined)
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: "ENOENT" })
      const bytes = new TextEncoder().encode(text)
      const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
        bytes.subarray(i * 7, i * 7 + 7)
      )
      return { size: bytes.length, chunks }
    },
    now: clock,
    stdout: (bytes) => out.push(new TextDecoder().decode(bytes)),
    stderr: (text) => err.push(text)
  })
  return { stdout: out.join(""), stderr: err.join(""), exitCode }
}

describe("allegiance af (ICCMA calling convention)", () => {
  it("lists problems and formats the way ICCMA solvers do", () => {
    expect(run({ problems: true }).stdout).toBe(
      "[SE-GR,SE-CO,DC-CO,DS-CO,SE-PR,DC-PR,DS-PR,SE-ST,DC-ST,DS-ST]\n"
    )
    expect(run({ formats: true }).stdout).toBe("[i23,apx,tgf]\n")
  })

  it("answers each task with the exact ICCMA'23 output", () => {
    const out = (problem: string, argument?: string) =>
      run({ problem, file: "chain.af", ...(argument === undefined ? {} : { argument }) })
    expect(out("SE-GR")).toEqual({ stdout: "w 1 3\n", stderr: "", exitCode: AfExit.Answered })
    expect(out("DC-CO", "3").stdout).toBe("YES\n")
    expect(out("DS-CO", "4").stdout).toBe("NO\n")
    expect(out("DC-PR", "2").stdout).toBe("NO\n")
    expect(out("DS-PR", "3").stdout).toBe("YES\n")
    expect(out("DC-ST", "5").stdout).toBe("YES\n")
    expect(out("DS-ST", "5").stdout).toBe("NO\n")
    expect(run({ problem: "SE-ST", file: "odd.af" }).stdout).toBe("NO\n")
    expect(run({ problem: "DS-ST", file: "odd.af", argument: "1" }).stdout).toBe("YES\n")
    expect(run({ problem: "ds-pr", file: "chain.af", argument: "4", certificate: true }).stdout).toBe(
      "NO\nw 1 3 5\n"
    )
  })

  it("reads APX and TGF files by name, printing argument names", () => {
    expect(run({ problem: "SE-GR", file: "named.apx" }).stdout).toBe("w a\n")
    expect(run({ problem: "DC-PR", file: "named.tgf", argument: "a" }).stdout).toBe("NO\n")
  })

  it("reports bad input with its place, never an answer", () => {
    const broken = run({ problem: "SE-GR", file: "broken.af" })
    expect(broken.exitCode).toBe(AfExit.BadInput)
    expect(broken.stdout).toBe("")
    expect(broken.stderr).toBe(
      "broken.af:3:3: argument 4 does not exist: the header declares arguments 1..3\n"
    )
    const unknownArgument = run({ problem: "DC-PR", file: "chain.af", argument: "9" })
    expect(unknownArgument.stderr).toContain('Argument "9" is not in chain.af (its arguments are 1..5)')
    expect(run({ problem: "DC-PR", file: "chain.af" }).stderr).toContain("-a ARG")
    expect(run({ problem: "XX-PR", file: "chain.af" }).exitCode).toBe(AfExit.BadInput)
    expect(run({ problem: "SE-GR", file: "missing.af" }).stderr).toBe(
      "missing.af: cannot read the file: there is no such file (check the name and the folder).\n"
    )
  })

  it("gives no answer, with a distinct exit code, when the time is up", () => {
    let t = 0
    const late = run({ problem: "SE-ST", file: "odd.af", timeoutSeconds: 5 }, () => (t += 10_000))
    // The odd cycle is settled before any search, so even a late clock gets the answer.
    expect(late.stdout).toBe("NO\n")
    // An even cycle of 40 arguments is one part too large to enumerate, so it is searched,
    // and a search asks the clock before it starts.
    const ring = Array.from({ length: 40 }, (_, i) => `${i + 1} ${((i + 1) % 40) + 1}\n`)
    files["ring.af"] = `p af 40\n${ring.join("")}`
    const stopped = run(
      { problem: "DS-ST", file: "ring.af", argument: "1", timeoutSeconds: 1 },
      () => (t += 10_000)
    )
    expect(stopped).toEqual({
      stdout: "",
      stderr:
        "No answer: DS-ST on ring.af was not decided within 1 s (the search was stopped; nothing is claimed).\n",
      exitCode: AfExit.NoAnswer
    })
    // Without a time limit the same question is answered: the odd and the even arguments are
    // the two stable extensions.
    expect(run({ problem: "DS-ST", file: "ring.af", argument: "1" }).stdout).toBe("NO\n")
  })

  it("runs as the allegiance command with the same bytes and exit codes", () => {
    const dir = mkdtempSync(join(tmpdir(), "af-cli-"))
    const file = join(dir, "chain.af")
    writeFileSync(file, files["chain.af"]!)
    const bin = allegianceBin
    const run = (...args: Array<string>) =>
      spawnSync(process.execPath, [bin, "af", ...args], { encoding: "utf8" })
    const se = run("-p", "SE-GR", "-f", file)
    expect(se.stdout).toBe("w 1 3\n")
    expect(se.status).toBe(0)
    const dc = run("-p", "DC-PR", "-f", file, "-a", "4")
    expect(dc.stdout).toBe("YES\n")
    expect(run("--problems").stdout).toBe("[SE-GR,SE-CO,DC-CO,DS-CO,SE-PR,DC-PR,DS-PR,SE-ST,DC-ST,DS-ST]\n")
    writeFileSync(join(dir, "bad.af"), "p af 2\n1 x\n")
    const bad = run("-p", "SE-GR", "-f", join(dir, "bad.af"))
    expect(bad.status).toBe(1)
    expect(bad.stdout).toBe("")
    expect(bad.stderr).toContain("bad.af:2:3")
  })
})
