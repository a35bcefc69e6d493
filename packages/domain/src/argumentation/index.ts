/**
 * Abstract argumentation (Dung frameworks): arguments 0..n-1, an attack relation, and the
 * semantics that say which arguments stand. General and pure: it knows nothing of groups or
 * statements, reads no clock and does no I/O.
 *
 * ## Building a framework
 * - `makeFramework(n, sources, targets)` from parallel arrays of attacker / attacked indices
 *   (any `ArrayLike<number>`, typed arrays welcome), or `frameworkFromPairs(n, [[a, b], ...])`.
 *   Duplicate attacks are dropped; rows are sorted, so nothing depends on input order.
 * - `attackersOf(fw, x)` / `attackedBy(fw, x)` are zero-copy views; `attacks(fw, a, b)`.
 *
 * ## Grounded semantics (linear time)
 * - `groundedLabelling(fw)` returns a `Uint8Array` of `Label.In` / `Label.Out` / `Label.Undec`.
 *   `extensionOf(labelling)` gives the IN arguments.
 *
 * ## Complete, preferred, stable (search; may be stopped)
 * Every call takes `{ shouldStop?: () => boolean, certificate?: boolean }` and returns an
 * `Outcome`: `{ decided: true, value }`, or `{ decided: false }` when `shouldStop` said so.
 * - `someExtension(fw, semantics, options)`: one extension (null: no stable extension).
 * - `preferredLabelling(fw, options)`, `stableLabelling(fw, options)`: full labellings.
 * - `credulouslyAccepted(fw, semantics, x, options)` / `scepticallyAccepted(...)`:
 *   `{ accepted, witness? }`. Preferred is decided on the ancestors of `x` only.
 * - `credulousPreferred(fw, groundedLabelling(fw)).accepted(x)` for many arguments of one
 *   framework: each undecided part is encoded once and its solver reused.
 * Preferred is solved strongly-connected-component by component (`stronglyConnectedComponents`),
 * NP-hard questions with the built-in CDCL `SatSolver`.
 *
 * ## Explanations
 * - `labellingFor(fw, semantics)` gives the labelling to explain (grounded for grounded and
 *   complete, one preferred, one stable or null).
 * - `explain(fw, labelling, x)` says why x is IN (each attacker and what defeats it), OUT (an
 *   IN attacker with the shortest justification) or UNDEC (UNDEC attackers and the loop that
 *   keeps it open). See `Explanation`. For many arguments, pass `settlementRanks(fw, labelling)`.
 *
 * ## Incremental use
 * - `new IncrementalGrounded(n)` or `IncrementalGrounded.fromFramework(fw)`; `addArgument()`,
 *   `addAttack(a, b)`, `removeAttack(a, b)`, `retractArgument(x)`; `labels()` / `label(x)`
 *   re-label only the downstream closure of what changed. `snapshot()` gives a `Framework`.
 *
 * ## ICCMA interface
 * - `instanceReader(format?, sizeHint?)` reads ICCMA'23, APX or TGF a chunk at a time (`push`, then
 *   `end`; located `FormatError` on bad input, never a throw); `parseInstance(bytes, format?)` reads
 *   a file held whole. `solveIccma(instance, "DC-PR", argument, options)` answers a task and
 *   `writeAnswer` prints the answer exactly as an ICCMA'23 solver does, in chunks;
 *   `solveIccmaTask` gives the same text as one string; `iccmaProblems`, `problemsLine()`.
 */
export { ancestorMask, type Components, stronglyConnectedComponents } from "./components.ts"
export { type CredulousPreferred, credulousPreferred } from "./credulous.ts"
export { type Explanation, explain, settlementRanks } from "./explanation.ts"
export {
  attackedBy,
  attackersOf,
  attackPairs,
  attacks,
  type Framework,
  frameworkFromPairs,
  makeFramework
} from "./framework.ts"
export { groundedLabelling } from "./grounded.ts"
export {
  type InstanceReader,
  instanceReader,
  parseApx,
  parseI23,
  parseInstance,
  parseTgf
} from "./iccma-format.ts"
export {
  answerText,
  type IccmaAnswer,
  type IccmaProblem,
  iccmaProblems,
  isIccmaProblem,
  needsArgument,
  problemsLine,
  solveIccma,
  solveIccmaTask,
  type TaskOptions,
  witnessLine,
  writeAnswer
} from "./iccma-task.ts"
export { IncrementalGrounded } from "./incremental.ts"
export {
  detectFormat,
  type FormatError,
  type Instance,
  type InstanceFormat,
  instanceFormats,
  type ParseResult
} from "./instance.ts"
export { extensionOf, Label, type Labelling, labelName } from "./label.ts"
export { SatResult, SatSolver } from "./sat-solver.ts"
export {
  type Acceptance,
  credulouslyAccepted,
  labellingFor,
  type Outcome,
  preferredLabelling,
  type Semantics,
  type SolveOptions,
  scepticallyAccepted,
  someExtension,
  stableLabelling
} from "./semantics.ts"
export { undecidedParts } from "./undecided-parts.ts"
