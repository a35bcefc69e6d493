/**
 * Starts the terminal UI on a case: renders the app in the terminal's alternate screen (so that leaving
 * gives the terminal back as it was) and resolves once the analyst has quit and the access is closed.
 */
import type { IsoDay } from "@allegiance/domain"
import { render } from "ink"
import type { CaseAccess } from "./access/case-access.ts"
import { App } from "./ui/app.tsx"

export interface StartOptions {
  readonly access: CaseAccess
  readonly asOf: IsoDay
  /**
   * Whether the terminal is interactive, as the caller found it (standard input and output are
   * terminals). Ink would otherwise decide for itself and treat any CI=true environment as not
   * interactive, even in a real terminal.
   */
  readonly interactive: boolean
}

/** Whether to draw in colour: not when NO_COLOR is set to anything (https://no-color.org). */
export const colourWanted = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.NO_COLOR === undefined || env.NO_COLOR === ""

export const startTui = async (options: StartOptions): Promise<void> => {
  const instance = render(<App access={options.access} asOf={options.asOf} colour={colourWanted()} />, {
    interactive: options.interactive,
    alternateScreen: true,
    // Ink's incremental mode (only changed lines rewritten) left a stale line on a 24-row screen under
    // tmux when frames changed height in quick succession; a frame is at most one screen of lines, so
    // writing it whole costs little. What keeps frames small is that lists draw only the rows shown.
    incrementalRendering: false,
    exitOnCtrlC: false,
    patchConsole: true
  })
  try {
    await instance.waitUntilExit()
  } finally {
    await options.access.close()
  }
}
