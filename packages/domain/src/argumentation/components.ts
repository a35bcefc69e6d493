import type { Framework } from "./framework.ts"

/**
 * Strongly connected components of the attack graph, numbered in topological order: every
 * attack goes from a component to itself or to one with a larger number. The semantics are
 * decided component by component in this order, so a framework made of many small
 * components never becomes one large search problem.
 */
export interface Components {
  readonly count: number
  /** Component number of each argument. */
  readonly of: Int32Array
  /** Members of component c: members[start[c]..start[c+1]), in increasing argument order. */
  readonly start: Int32Array
  readonly members: Int32Array
}

/** Tarjan's algorithm, iterative so that a million-argument chain does not overflow the stack. */
export const stronglyConnectedComponents = (framework: Framework): Components => {
  const n = framework.size
  const { attackedStart, attacked } = framework
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack = new Int32Array(n)
  let stackTop = 0
  const callNode = new Int32Array(n)
  const callEdge = new Int32Array(n)
  const finishedOf = new Int32Array(n) // Tarjan number (reverse topological)
  let counter = 0
  let finished = 0
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    let depth = 0
    callNode[0] = root
    callEdge[0] = attackedStart[root]!
    index[root] = low[root] = counter++
    stack[stackTop++] = root
    onStack[root] = 1
    while (depth >= 0) {
      const v = callNode[depth]!
      const e = callEdge[depth]!
      if (e < attackedStart[v + 1]!) {
        callEdge[depth] = e + 1
        const w = attacked[e]!
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          stack[stackTop++] = w
          onStack[w] = 1
          depth++
          callNode[depth] = w
          callEdge[depth] = attackedStart[w]!
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!
        }
        continue
      }
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack[--stackTop]!
          onStack[w] = 0
          finishedOf[w] = finished
        } while (w !== v)
        finished++
      }
      depth--
      if (depth >= 0) {
        const parent = callNode[depth]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
    }
  }
  // Tarjan emits sinks first; reverse so that attacks only go forward.
  const count = finished
  const of = new Int32Array(n)
  const start = new Int32Array(count + 1)
  for (let x = 0; x < n; x++) {
    const c = count - 1 - finishedOf[x]!
    of[x] = c
    start[c + 1]!++
  }
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!
  const fill = start.slice(0, count)
  const members = new Int32Array(n)
  for (let x = 0; x < n; x++) members[fill[of[x]!]!++] = x
  return { count, of, start, members }
}

/**
 * The arguments from which `target` can be reached by attacks (its ancestors), including
 * itself, as a membership mask. Complete and preferred semantics are directional: whether
 * `target` is accepted depends on this part of the framework only.
 */
export const ancestorMask = (framework: Framework, targets: ArrayLike<number>): Uint8Array => {
  const mask = new Uint8Array(framework.size)
  const queue = new Int32Array(framework.size)
  let tail = 0
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!
    if (mask[t] === 0) {
      mask[t] = 1
      queue[tail++] = t
    }
  }
  const { attackersStart, attackers } = framework
  for (let head = 0; head < tail; head++) {
    const x = queue[head]!
    const end = attackersStart[x + 1]!
    for (let i = attackersStart[x]!; i < end; i++) {
      const y = attackers[i]!
      if (mask[y] === 0) {
        mask[y] = 1
        queue[tail++] = y
      }
    }
  }
  return mask
}
