import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { AfExit, runAf } from "../src/run/af.ts"
import { allegianceBin } from "./support/installed-command.ts"

const files: Record<string, string> = {
  "chain.af": "p af 5\n1 2\n2 3\n4 5\n5 4\n",
  "odd.af": "p af 3\n1 2\n2 3\n3 1\n",
  "named.apx": "arg(a).\narg(b).\natt(a,b).\n",
  "named.tgf": "a\nb\n#\nb a\n",
  "broken.af": "p af 3\n1 2\n2 4\n"
}

const io = (clock: () => number = () => 0) => ({
  readFile: (path: string) => {
    const text = files[path]
    if (text === undefined) throw new Error("no such file")
    return new TextEncoder().encode(text)
  },
  now: clock
})

describe("allegiance af (ICCMA calling convention)", () => {
  it("lists problems and formats the way ICCMA solvers do", () => {
    expect(runAf({ problems: true }, io()).stdout).toBe(
      "[SE-GR,SE-CO,DC-CO,DS-CO,SE-PR,DC-PR,DS-PR,SE-ST,DC-ST,DS-ST]\n"
    )
    expect(runAf({ formats: true }, io()).stdout).toBe("[i23,apx,tgf]\n")
  })

  it("answers each task with the exact ICCMA'23 output", () => {
    const out = (problem: string, argument?: string) =>
      runAf({ problem, file: "chain.af", ...(argument === undefined ? {} : { argument }) }, io())
    expect(out("SE-GR")).toEqual({ stdout: "w 1 3\n", stderr: "", exitCode: AfExit.Answered })
    expect(out("DC-CO", "3").stdout).toBe("YES\n")
    expect(out("DS-CO", "4").stdout).toBe("NO\n")
    expect(out("DC-PR", "2").stdout).toBe("NO\n")
    expect(out("DS-PR", "3").stdout).toBe("YES\n")
    expect(out("DC-ST", "5").stdout).toBe("YES\n")
    expect(out("DS-ST", "5").stdout).toBe("NO\n")
    expect(runAf({ problem: "SE-ST", file: "odd.af" }, io()).stdout).toBe("NO\n")
    expect(runAf({ problem: "DS-ST", file: "odd.af", argument: "1" }, io()).stdout).toBe("YES\n")
    expect(runAf({ problem: "ds-pr", file: "chain.af", argument: "4", certificate: true }, io()).stdout).toBe(
      "NO\nw 1 3 5\n"
    )
  })

  it("reads APX and TGF files by name, printing argument names", () => {
    expect(runAf({ problem: "SE-GR", file: "named.apx" }, io()).stdout).toBe("w a\n")
    expect(runAf({ problem: "DC-PR", file: "named.tgf", argument: "a" }, io()).stdout).toBe("NO\n")
  })

  it("reports bad input with its place, never an answer", () => {
    const broken = runAf({ problem: "SE-GR", file: "broken.af" }, io())
    expect(broken.exitCode).toBe(AfExit.BadInput)
    expect(broken.stdout).toBe("")
    expect(broken.stderr).toBe(
      "broken.af:3:3: argument 4 does not exist: the header declares arguments 1..3\n"
    )
    const unknownArgument = runAf({ problem: "DC-PR", file: "chain.af", argument: "9" }, io())
    expect(unknownArgument.stderr).toContain('Argument "9" is not in chain.af (its arguments are 1..5)')
    expect(runAf({ problem: "DC-PR", file: "chain.af" }, io()).stderr).toContain("-a ARG")
    expect(runAf({ problem: "XX-PR", file: "chain.af" }, io()).exitCode).toBe(AfExit.BadInput)
    expect(runAf({ problem: "SE-GR", file: "missing.af" }, io()).stderr).toContain("Cannot read")
  })

  it("gives no answer, with a distinct exit code, when the time is up", () => {
    let t = 0
    const late = runAf(
      { problem: "SE-ST", file: "odd.af", timeoutSeconds: 5 },
      io(() => (t += 10_000))
    )
    // The odd cycle is settled before any search, so even a late clock gets the answer.
    expect(late.stdout).toBe("NO\n")
    // An even cycle of 40 arguments is one part too large to enumerate, so it is searched,
    // and a search asks the clock before it starts.
    const ring = Array.from({ length: 40 }, (_, i) => `${i + 1} ${((i + 1) % 40) + 1}\n`)
    files["ring.af"] = `p af 40\n${ring.join("")}`
    const stopped = runAf(
      { problem: "DS-ST", file: "ring.af", argument: "1", timeoutSeconds: 1 },
      io(() => (t += 10_000))
    )
    expect(stopped).toEqual({
      stdout: "",
      stderr:
        "No answer: DS-ST on ring.af was not decided within 1 s (the search was stopped; nothing is claimed).\n",
      exitCode: AfExit.NoAnswer
    })
    // Without a time limit the same question is answered: the odd and the even arguments are
    // the two stable extensions.
    expect(runAf({ problem: "DS-ST", file: "ring.af", argument: "1" }, io()).stdout).toBe("NO\n")
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
