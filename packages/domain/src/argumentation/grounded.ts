import type { Framework } from "./framework.ts"
import { Label, type Labelling } from "./label.ts"

/**
 * Extends a partial labelling to its least fixed point under the two rules of a complete
 * labelling: an argument all of whose attackers are OUT is IN, and an argument with an IN
 * attacker is OUT. `labels` holds IN, OUT or `open` (still to decide); `remaining[x]` must be
 * the number of attackers of x not yet OUT. `queue` holds the `queueLength` arguments that
 * were just labelled and whose consequences are not yet drawn. Linear in the attacks walked.
 *
 * This is the counting algorithm for grounded semantics; it is exported so that component-
 * by-component solving and incremental updates can reuse it on a region of the framework.
 */
export const propagate = (
  framework: Pick<Framework, "attackedStart" | "attacked">,
  labels: Uint8Array,
  remaining: Int32Array,
  queue: Int32Array,
  queueLength: number,
  open: number
): number => {
  const attackedStart = framework.attackedStart
  const attacked = framework.attacked
  let head = 0
  let tail = queueLength
  while (head < tail) {
    const y = queue[head++]!
    const end = attackedStart[y + 1]!
    if (labels[y] === Label.In) {
      for (let i = attackedStart[y]!; i < end; i++) {
        const x = attacked[i]!
        if (labels[x] === open) {
          labels[x] = Label.Out
          queue[tail++] = x
        }
      }
    } else {
      // y is OUT: one fewer live attacker for each argument it attacks.
      for (let i = attackedStart[y]!; i < end; i++) {
        const x = attacked[i]!
        if (labels[x] === open) {
          const left = remaining[x]! - 1
          remaining[x] = left
          if (left === 0) {
            labels[x] = Label.In
            queue[tail++] = x
          }
        }
      }
    }
  }
  return tail
}

/** A labelling under way: labels, the attackers each argument still waits on, and a work queue. */
export interface GroundedWork {
  readonly labels: Uint8Array
  readonly remaining: Int32Array
  readonly queue: Int32Array
}

/**
 * Grounded propagation from scratch: unattacked arguments IN, then everything that follows;
 * what is left keeps the label `open`. The searches start from here with a label of their own
 * for "not decided yet", so that they can tell it from a decided UNDEC.
 */
export const groundedWork = (framework: Framework, open: number): GroundedWork => {
  const n = framework.size
  const labels = new Uint8Array(n)
  if (open !== 0) labels.fill(open)
  const remaining = new Int32Array(n)
  const queue = new Int32Array(n)
  const start = framework.attackersStart
  let tail = 0
  for (let x = 0; x < n; x++) {
    const degree = start[x + 1]! - start[x]!
    remaining[x] = degree
    if (degree === 0) {
      labels[x] = Label.In
      queue[tail++] = x
    }
  }
  propagate(framework, labels, remaining, queue, tail, open)
  return { labels, remaining, queue }
}

/**
 * The grounded labelling: IN for the grounded extension, OUT for what it attacks, UNDEC for
 * the rest. Linear in arguments plus attacks.
 */
export const groundedLabelling = (framework: Framework): Labelling =>
  groundedWork(framework, Label.Undec).labels
