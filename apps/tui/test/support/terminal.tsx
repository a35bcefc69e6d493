/**
 * The app in ink-testing-library's fake terminal, at a chosen size (the library's terminal is 100
 * columns and has no rows), with a way to type keys and wait for what the screen says.
 */
import type { IsoDay } from "@allegiance/domain"
import { Text } from "ink"
import { render } from "ink-testing-library"
import type { CaseAccess } from "../../src/access/case-access.ts"
import { App } from "../../src/ui/app.tsx"

interface Sized {
  _columns?: number
  _rows?: number
}

let size = { columns: 80, rows: 24 }
{
  // Give the library's terminal a size that each test sets, and that a resize can change.
  const probe = render(<Text />)
  const prototype = Object.getPrototypeOf(probe.stdout) as object
  Object.defineProperty(prototype, "columns", {
    configurable: true,
    get(this: Sized) {
      return this._columns ?? size.columns
    }
  })
  Object.defineProperty(prototype, "rows", {
    configurable: true,
    get(this: Sized) {
      return this._rows ?? size.rows
    }
  })
  probe.unmount()
}

const keyCodes: Record<string, string> = {
  enter: "\r",
  escape: "\u001b",
  up: "\u001b[A",
  down: "\u001b[B",
  right: "\u001b[C",
  left: "\u001b[D",
  pageDown: "\u001b[6~",
  pageUp: "\u001b[5~",
  home: "\u001b[H",
  end: "\u001b[F",
  backspace: "\u007f",
  tab: "\t",
  "ctrl-s": "\u0013",
  "ctrl-d": "\u0004",
  "ctrl-r": "\u0012"
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences of colour are what is looked for
const ansi = /\u001b\[[0-9;]*m/g

export const startApp = (
  access: CaseAccess,
  options: { asOf?: string; columns?: number; rows?: number; colour?: boolean } = {}
) => {
  size = { columns: options.columns ?? 80, rows: options.rows ?? 24 }
  const instance = render(
    <App access={access} asOf={(options.asOf ?? "2015-01-09") as IsoDay} colour={options.colour ?? true} />
  )
  const screen = () => (instance.lastFrame() ?? "").replace(ansi, "")
  const waitFor = async (predicate: (text: string) => boolean, what: string, timeout = 10_000) => {
    const start = Date.now()
    while (!predicate(screen())) {
      if (Date.now() - start > timeout)
        throw new Error(`The screen never showed ${what}. It shows:\n${screen()}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    return screen()
  }
  /** Waits until no new frame has been drawn for a while: the app has handled what was typed. */
  const settle = async (quiet = 25, longest = 2_000) => {
    const start = Date.now()
    let frames = instance.frames.length
    let since = Date.now()
    while (Date.now() - since < quiet && Date.now() - start < longest) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (instance.frames.length !== frames) {
        frames = instance.frames.length
        since = Date.now()
      }
    }
  }
  return {
    instance,
    settle,
    screen,
    rawFrame: () => instance.lastFrame() ?? "",
    waitFor,
    /** Waits until the screen shows `text`. */
    see: (text: string, timeout?: number) => waitFor((shown) => shown.includes(text), `"${text}"`, timeout),
    /** Types text, or named keys in braces: "{down}", "{enter}", "{ctrl-s}". */
    type: async (keys: string) => {
      for (const part of keys.split(/(\{[a-zA-Z-]+\})/)) {
        if (part === "") continue
        const named = /^\{(.+)\}$/.exec(part)?.[1]
        instance.stdin.write(named === undefined ? part : keyCodes[named]!)
        // Each write is one read of the terminal. A lone Escape is known as one only once no more
        // bytes follow it for 20 ms (it starts longer sequences); then wait for the screen to settle.
        if (named === "escape") await new Promise((resolve) => setTimeout(resolve, 30))
        await settle()
      }
    },
    resize: (columns: number, rows: number) => {
      const stdout = instance.stdout as unknown as Sized & { emit: (event: string) => void }
      stdout._columns = columns
      stdout._rows = rows
      stdout.emit("resize")
    },
    stop: () => instance.unmount()
  }
}
