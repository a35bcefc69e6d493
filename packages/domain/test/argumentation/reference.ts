/**
 * A deliberately naive reference: every subset of arguments is tried against the textbook
 * definitions (Dung 1995). Exponential, so only for frameworks of up to ~12 arguments, but
 * short enough to be checked by eye. The fast module is cross-checked against it.
 */
export interface SmallFramework {
  readonly size: number
  readonly attacks: ReadonlyArray<readonly [number, number]>
}

const attackMatrix = (af: SmallFramework): Array<Array<boolean>> => {
  const m = Array.from({ length: af.size }, () => Array.from({ length: af.size }, () => false))
  for (const [a, b] of af.attacks) m[a]![b] = true
  return m
}

const members = (set: number, size: number): Array<number> => {
  const out: Array<number> = []
  for (let x = 0; x < size; x++) if ((set >> x) & 1) out.push(x)
  return out
}

export interface ReferenceExtensions {
  readonly conflictFree: ReadonlyArray<number>
  readonly admissible: ReadonlyArray<number>
  readonly complete: ReadonlyArray<number>
  readonly preferred: ReadonlyArray<number>
  readonly stable: ReadonlyArray<number>
  readonly grounded: number
}

/** All extensions as bitsets. */
export const referenceExtensions = (af: SmallFramework): ReferenceExtensions => {
  const n = af.size
  const att = attackMatrix(af)
  const attacksSet = (set: number, x: number) => members(set, n).some((y) => att[y]![x])
  const defends = (set: number, x: number) =>
    Array.from({ length: n }, (_, y) => y).every((y) => !att[y]![x] || attacksSet(set, y))
  const conflictFree: Array<number> = []
  const admissible: Array<number> = []
  const complete: Array<number> = []
  const stable: Array<number> = []
  for (let set = 0; set < 1 << n; set++) {
    const ms = members(set, n)
    if (ms.some((a) => ms.some((b) => att[a]![b]))) continue
    conflictFree.push(set)
    if (!ms.every((x) => defends(set, x))) continue
    admissible.push(set)
    const everyDefendedIn = Array.from({ length: n }, (_, x) => x).every(
      (x) => !defends(set, x) || (set >> x) & 1
    )
    if (everyDefendedIn) complete.push(set)
    const attacksAllOutside = Array.from({ length: n }, (_, x) => x).every(
      (x) => (set >> x) & 1 || attacksSet(set, x)
    )
    if (attacksAllOutside) stable.push(set)
  }
  const preferred = admissible.filter((s) => !admissible.some((t) => t !== s && (s & t) === s))
  const grounded = complete.reduce((acc, s) => acc & s, (1 << n) - 1)
  return { conflictFree, admissible, complete, preferred, stable, grounded }
}

export const extensionsFor = (
  reference: ReferenceExtensions,
  semantics: "grounded" | "complete" | "preferred" | "stable"
): ReadonlyArray<number> => (semantics === "grounded" ? [reference.grounded] : reference[semantics])

export const referenceCredulous = (extensions: ReadonlyArray<number>, x: number): boolean =>
  extensions.some((s) => (s >> x) & 1)

export const referenceSceptical = (extensions: ReadonlyArray<number>, x: number): boolean =>
  extensions.every((s) => (s >> x) & 1)

export const toBits = (extension: ArrayLike<number>): number => {
  let bits = 0
  for (let i = 0; i < extension.length; i++) bits |= 1 << extension[i]!
  return bits
}
