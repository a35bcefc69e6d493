import { Effect, Schema, SchemaTransformation } from "effect"
import type { ClaimKind } from "../claims/claim-kind.ts"
import { builtInKinds } from "../claims/index.ts"
import { CaseFile, caseFileOfCheckedParts, type ItemSection } from "./case-file.ts"
import { Claim } from "./claim.ts"

/**
 * What depends on which kinds of claim a case may hold: the Schema of a claim and of a whole case file,
 * and each kind by name. A case file's reader, its JSON Schema, the store and the reasoning all read a
 * case through the model of its kinds, so a kind that a package adds is known everywhere once listed.
 */
export interface CaseModel {
  /** The kinds, in the order they were given: the order of the claim Schema's members. */
  readonly kinds: ReadonlyArray<ClaimKind>
  /** A claim of any of the kinds. */
  readonly Claim: Schema.Codec<Claim, unknown>
  /** A whole case file whose claims are of these kinds; it decodes to a `CaseFile`. */
  readonly CaseFile: Schema.Codec<CaseFile, unknown>
  /** The kind of a claim. Throws for a kind the model does not hold, which only a case built by hand can have. */
  readonly kindOf: (claim: { readonly id: string; readonly kind: string }) => ClaimKind
  /** The kind of that name, if the model holds it. */
  readonly kindNamed: (name: string) => ClaimKind | undefined
}

const models = new WeakMap<ReadonlyArray<ClaimKind>, CaseModel>()

/**
 * The model of a case whose claims are of `kinds` (`builtInKinds` and a package's own, say). Made once
 * per list: pass the same list (a constant of the package that adds kinds) rather than a new one each
 * time. The built-in kinds give the domain's own `Claim` and `CaseFile`.
 */
export const caseModel = (kinds: ReadonlyArray<ClaimKind>): CaseModel => {
  let model = models.get(kinds)
  if (model === undefined) {
    model = makeModel(kinds)
    models.set(kinds, model)
  }
  return model
}

const makeModel = (kinds: ReadonlyArray<ClaimKind>): CaseModel => {
  const byName = new Map<string, ClaimKind>()
  for (const kind of kinds) {
    if (byName.has(kind.kind)) throw new Error(`The claim kind "${kind.kind}" is listed twice`)
    byName.set(kind.kind, kind)
  }
  const builtIn = kinds.length === builtInKinds.length && kinds.every((kind, at) => kind === builtInKinds[at])
  const claim = builtIn
    ? Claim
    : (Schema.Union(kinds.map((kind) => kind.schema)) as unknown as Schema.Codec<Claim, unknown>)
  return {
    kinds,
    Claim: claim,
    CaseFile: builtIn ? CaseFile : caseFileHolding(claim),
    kindOf: (claim) => {
      const kind = byName.get(claim.kind)
      if (kind === undefined)
        throw new Error(
          `The claim ${claim.id} is of the kind "${claim.kind}", which is not among the kinds given: pass its kind in \`kinds\``
        )
      return kind
    },
    kindNamed: (name) => byName.get(name)
  }
}

/**
 * A case file holding claims of the model's own Schema, decoding to the domain's `CaseFile` as the
 * class's trusted path makes it (every part is checked by its own Schema first). The class itself
 * checks claims against the built-in kinds only.
 */
const caseFileHolding = (claim: Schema.Codec<Claim, unknown>): Schema.Codec<CaseFile, unknown> =>
  Schema.Struct({
    ...CaseFile.fields,
    claims: Schema.Array(claim).pipe(Schema.withDecodingDefaultKey(Effect.succeed([])))
  }).pipe(
    Schema.decodeTo(
      Schema.instanceOf(CaseFile),
      SchemaTransformation.transform({
        decode: (parts) =>
          caseFileOfCheckedParts(parts as { readonly [K in ItemSection | "case"]: CaseFile[K] }),
        encode: (caseFile) => caseFile
      })
    )
  ) as unknown as Schema.Codec<CaseFile, unknown>

/** The model of the domain's own kinds: what every caller gets unless it passes kinds. */
export const builtInModel: CaseModel = caseModel(builtInKinds)

/** The model of `kinds`, or of the built-in kinds when none are given. */
export const modelOf = (kinds: ReadonlyArray<ClaimKind> | undefined): CaseModel =>
  kinds === undefined ? builtInModel : caseModel(kinds)
