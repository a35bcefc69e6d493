/**
 * A deliberately naive reference: every subset of arguments is tried against the textbook
 * definitions (Dung 1995). Exponential, so only for frameworks of up to ~12 arguments, but
 * short enough to be checked by eye. The fast module is cross-checked against it.
 */
export interface SmallFramework {
  readonly size: number
  readonly attacks: ReadonlyArray<readonly [number, number]>
}

export interface ReferenceExtensions {
  readonly conflictFree: ReadonlyArray<number>
  readonly admissible: ReadonlyArray<number>
  readonly complete: ReadonlyArray<number>
  readonly preferred: ReadonlyArray<number>
  readonly stable: ReadonlyArray<number>
  readonly grounded: number
}

/**
 * All extensions as bitsets: bit x of a set stands for argument x. `attackersOf[x]` is the set of
 * arguments attacking x, and `attackedBy(set)` the set of arguments some member of `set` attacks, so
 * each textbook definition is one line over sets.
 */
export const referenceExtensions = (af: SmallFramework): ReferenceExtensions => {
  const n = af.size
  const all = (1 << n) - 1
  const attackersOf = Array.from({ length: n }, () => 0)
  const attacksOf = Array.from({ length: n }, () => 0)
  for (const [a, b] of af.attacks) {
    attackersOf[b]! |= 1 << a
    attacksOf[a]! |= 1 << b
  }
  const attackedBy = (set: number) => {
    let attacked = 0
    for (let y = 0; y < n; y++) if ((set >> y) & 1) attacked |= attacksOf[y]!
    return attacked
  }
  // x is defended by set when set attacks every attacker of x.
  const defendedBy = (attacked: number) => {
    let defended = 0
    for (let x = 0; x < n; x++) if ((attackersOf[x]! & ~attacked) === 0) defended |= 1 << x
    return defended
  }
  const conflictFree: Array<number> = []
  const admissible: Array<number> = []
  const complete: Array<number> = []
  const stable: Array<number> = []
  for (let set = 0; set <= all; set++) {
    const attacked = attackedBy(set)
    if ((attacked & set) !== 0) continue
    conflictFree.push(set)
    const defended = defendedBy(attacked)
    // Admissible: it defends each of its members. Complete: it holds exactly what it defends.
    if ((set & ~defended) !== 0) continue
    admissible.push(set)
    if (defended === set) complete.push(set)
    // Stable: it attacks every argument outside it.
    if ((set | attacked) === all) stable.push(set)
  }
  const preferred = admissible.filter((s) => !admissible.some((t) => t !== s && (s & t) === s))
  const grounded = complete.reduce((acc, s) => acc & s, all)
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
