/**
 * A real pseudo-terminal for end-to-end tests of the terminal UI: tmux at 80x24, on a socket of its own
 * (so that it never touches anyone else's sessions), driven by keys and read off the screen.
 */
import { execFileSync, spawnSync } from "node:child_process"

export const hasTmux = spawnSync("tmux", ["-V"]).status === 0

export const tmuxTerminal = (name: string) => {
  const socket = `allegiance-${name}-${process.pid}`
  const tmux = (...args: ReadonlyArray<string>) =>
    execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" })
  /** The session the command runs in: one per start (a server whose last session ends exits). */
  let session = ""
  let started = 0
  const screen = () => tmux("capture-pane", "-p", "-t", session)
  const keys = (...keys: ReadonlyArray<string>) => tmux("send-keys", "-t", session, ...keys)
  /** Types text as it is, not as key names. */
  const text = (typed: string) => tmux("send-keys", "-t", session, "-l", typed)
  /**
   * Polls the screen until it satisfies `predicate`: every 20 ms at first, for what is drawn at once (a
   * cursor move), then every 100 ms, since each look starts a tmux client and, over a test of many
   * seconds, looking every 40 ms cost seconds of CPU.
   */
  const waitFor = async (predicate: (shown: string) => boolean, what: string, timeout = 20_000) => {
    const start = Date.now()
    for (;;) {
      const shown = screen()
      if (predicate(shown)) return shown
      const waited = Date.now() - start
      if (waited > timeout) throw new Error(`The terminal never showed ${what}. It shows:\n${shown}`)
      await new Promise((resolve) => setTimeout(resolve, waited < 200 ? 20 : 100))
    }
  }
  const see = (wanted: string | RegExp, timeout?: number) =>
    waitFor(
      (shown) => (typeof wanted === "string" ? shown.includes(wanted) : wanted.test(shown)),
      String(wanted),
      timeout
    )
  /** The line of the form under its cursor (the one showing the text cursor). */
  const cursorLine = () =>
    screen()
      .split("\n")
      .find((line) => line.includes("▏"))
  return {
    screen,
    keys,
    text,
    waitFor,
    see,
    /** Waits until the evaluation of the day shown has arrived. */
    settled: (day: string) =>
      waitFor(
        (shown) =>
          shown.includes(`as of ${day}`) && !shown.includes("evaluating") && !shown.includes("reading"),
        `the verdicts as of ${day}`
      ),
    /** Moves the form's cursor down until the field under it is `label`. */
    toField: async (label: string) => {
      for (let i = 0; i < 30; i++) {
        const before = cursorLine()
        if (before?.trimStart().startsWith(label)) return
        keys("Down")
        await waitFor(() => cursorLine() !== before, "the cursor move")
      }
      throw new Error(`The form has no field ${label}:\n${screen()}`)
    },
    /** Types into the field under the cursor, and waits until it shows. */
    fill: async (typed: string) => {
      text(typed)
      await waitFor(() => cursorLine()?.includes(`${typed}▏`) === true, `"${typed}" typed`)
    },
    /** Runs `command` (its words, quoted for the shell) in a new session, with `env` set. */
    start: (command: ReadonlyArray<string>, env: Record<string, string>) => {
      const line = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ")
      session = `run-${++started}`
      tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "80",
        "-y",
        "24",
        ...Object.entries(env).flatMap(([key, value]) => ["-e", `${key}=${value}`]),
        `${line}; echo "allegiance exited with $?"; sleep 120`
      )
    },
    close: () => {
      if (hasTmux) spawnSync("tmux", ["-L", socket, "kill-server"])
    }
  }
}
