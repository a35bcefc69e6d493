/**
 * Lowers the priority of the thread this runs in, where the system lets a thread have its own (Linux):
 * the reasoning then takes the processor only when the thread that draws does not want it, so keys
 * keep answering while a large case is evaluated or prepared on few cores. Elsewhere it does nothing.
 */
import { readlinkSync } from "node:fs"
import { constants, setPriority } from "node:os"

export const yieldToDrawing = (): void => {
  let thread: number
  try {
    // "/proc/thread-self" names this thread's own entry: PID/task/TID.
    thread = Number(readlinkSync("/proc/thread-self").split("/").at(-1))
  } catch {
    return
  }
  if (!Number.isInteger(thread) || thread <= 0) return
  try {
    setPriority(thread, constants.priority.PRIORITY_BELOW_NORMAL)
  } catch {
    // Not allowed here: the reasoning keeps the process's priority, as without this.
  }
}
