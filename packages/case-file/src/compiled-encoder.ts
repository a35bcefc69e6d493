/**
 * Encoders compiled from a Schema's AST, the other way from `compiled-decoder.ts`: each gives the very
 * value `Schema.encodeSync` gives (the encoded form a case file writes: plain objects, fields in the
 * order the model declares them, dates in their shortest written form) without Schema's general
 * machinery, which made writing a large case cost many times reading it. Values are the model's own,
 * already decoded, so nothing is checked here.
 *
 * Structs, arrays, unions told apart by a literal field, classes and decoding defaults are read off the
 * AST; any other transformation (a date's written form) is run by Schema once per distinct value and
 * remembered, since such values (printed dates) are shared and never change.
 */
import { Effect, Option, Schema, type SchemaAST, type SchemaTransformation } from "effect"
import { lastEncoding } from "./compiled-decoder.ts"

export type Encoder = (value: unknown) => unknown

type Getter = SchemaTransformation.Transformation<unknown, unknown, unknown, unknown>["encode"]

const isClassDeclaration = (ast: SchemaAST.AST): boolean =>
  ast._tag === "Declaration" && typeof ast.annotations?.["~constructor"] === "function"

/** A node whose encoded value is its decoded one: no encoding of its own or below it. */
const isPlain = (ast: SchemaAST.AST): boolean => {
  if (ast.encoding !== undefined) return false
  switch (ast._tag) {
    case "String":
    case "Number":
    case "Boolean":
    case "Literal":
    case "Null":
    case "Enum":
    case "TemplateLiteral":
      return true
    case "Union":
      return ast.types.every(isPlain)
    case "Arrays":
      return ast.elements.every(isPlain) && ast.rest.every(isPlain)
    default:
      return false
  }
}

const same: Encoder = (value) => value

/** Encodes with Schema, remembering the answer for each value (objects by identity, others by value). */
const bySchemaRemembered = (ast: SchemaAST.AST): Encoder => {
  const encode = Schema.encodeSync(Schema.make<Schema.Codec<unknown, unknown>>(ast))
  const objects = new WeakMap<object, unknown>()
  const others = new Map<unknown, unknown>()
  return (value) => {
    if (typeof value === "object" && value !== null) {
      if (objects.has(value)) return objects.get(value)
      const encoded = encode(value)
      objects.set(value, encoded)
      return encoded
    }
    if (others.has(value)) return others.get(value)
    const encoded = encode(value)
    if (others.size >= 50_000) others.clear()
    others.set(value, encoded)
    return encoded
  }
}

const passesValues = (getter: Getter): boolean => {
  if (getter._tag === "Passthrough") return true
  if (getter._tag !== "TransformOptional" && getter._tag !== "TransformOptionalEffect") return false
  const probe = { probe: Symbol("probe") }
  try {
    const out =
      getter._tag === "TransformOptional"
        ? getter.transform(Option.some(probe))
        : Effect.runSync(getter.transform(Option.some(probe), {}) as Effect.Effect<Option.Option<unknown>>)
    return Option.isSome(out) && out.value === probe
  } catch {
    return false
  }
}

class Compiler {
  readonly #compiled = new Map<SchemaAST.AST, Encoder>()

  node(ast: SchemaAST.AST): Encoder {
    const known = this.#compiled.get(ast)
    if (known !== undefined) return known
    const slot: { encode: Encoder } = { encode: same }
    this.#compiled.set(ast, (value) => slot.encode(value))
    const encode = this.#compile(ast)
    slot.encode = encode
    this.#compiled.set(ast, encode)
    return encode
  }

  #compile(ast: SchemaAST.AST): Encoder {
    if (isPlain(ast)) return same
    const links = ast.encoding
    if (links === undefined) return this.#local(ast)
    if (links.length !== 1) return bySchemaRemembered(ast)
    const link = links[0]!
    const transformation = link.transformation
    if (transformation._tag === "Middleware") return bySchemaRemembered(ast)
    // A class: its fields, as its struct encodes them.
    if (isClassDeclaration(ast) && link.to._tag === "Objects") return this.#objects(link.to)
    // A decoding default: the value as its own Schema encodes it, which the encoded side takes as it is.
    if (passesValues(transformation.encode) && ast._tag !== "Declaration") {
      const local = this.#local(ast)
      const to = link.to
      return isPlain(to) || sameShape(ast, to) ? local : (value) => this.node(to)(local(value))
    }
    return bySchemaRemembered(ast)
  }

  #local(ast: SchemaAST.AST): Encoder {
    switch (ast._tag) {
      case "Objects":
        return ast.indexSignatures.length > 0 ? bySchemaRemembered(ast) : this.#objects(ast)
      case "Arrays": {
        if (ast.rest.length > 1) return bySchemaRemembered(ast)
        const elements = ast.elements.map((element) => this.node(element))
        const rest = ast.rest.length === 1 ? this.node(ast.rest[0]!) : undefined
        const fixed = elements.length
        return (value) => {
          const list = value as ReadonlyArray<unknown>
          const out = new Array<unknown>(list.length)
          for (let at = 0; at < list.length; at++) out[at] = (at < fixed ? elements[at]! : rest!)(list[at])
          return out
        }
      }
      case "Union":
        return this.#union(ast)
      case "Suspend": {
        let encode: Encoder | undefined
        return (value) => {
          encode ??= this.node(ast.thunk())
          return encode(value)
        }
      }
      default:
        return isPlain(ast) ? same : bySchemaRemembered(ast)
    }
  }

  #objects(ast: SchemaAST.Objects): Encoder {
    const properties = ast.propertySignatures.map((property) => ({
      name: property.name as string,
      encode: this.node(property.type)
    }))
    return (value) => {
      const record = value as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const { name, encode } of properties) {
        const field = record[name]
        if (field === undefined && !(name in record)) continue
        out[name] = encode(field)
      }
      return out
    }
  }

  #union(ast: SchemaAST.Union): Encoder {
    const members = ast.types.map((type) => this.node(type))
    // Members told apart by a literal at one key (claims by their kind): each value by its own member.
    const structs = ast.types.map((type) => lastEncoding(type))
    const first = structs[0]
    if (
      structs.length > 1 &&
      structs.every((struct) => struct._tag === "Objects") &&
      first?._tag === "Objects"
    ) {
      for (const property of first.propertySignatures) {
        const key = property.name as string
        const literals = structs.map((struct) => {
          const type = (struct as SchemaAST.Objects).propertySignatures.find((p) => p.name === key)?.type
          return type?._tag === "Literal" ? type.literal : undefined
        })
        if (literals.some((literal) => literal === undefined) || new Set(literals).size !== literals.length)
          continue
        const byLiteral = new Map(literals.map((literal, at) => [literal, members[at]!]))
        const fallback = bySchemaRemembered(ast)
        return (value) => {
          const member = byLiteral.get((value as Record<string, SchemaAST.LiteralValue>)[key])
          return member === undefined ? fallback(value) : member(value)
        }
      }
    }
    return ast.types.every(isPlain) ? same : bySchemaRemembered(ast)
  }
}

/** Whether `to`, a node's encoded side, is the node's own shape part for part (a decoding default's). */
const sameShape = (ast: SchemaAST.AST, to: SchemaAST.AST): boolean =>
  ast._tag === to._tag &&
  to.checks === undefined &&
  (ast._tag !== "Arrays" ||
    ((to as SchemaAST.Arrays).elements.length === ast.elements.length &&
      (to as SchemaAST.Arrays).rest.length === ast.rest.length))

const compiler = new Compiler()

/** The compiled encoder of a Schema: what `Schema.encodeSync(schema)` gives, for the model's own values. */
export const compiledEncoder = (schema: Schema.Top): Encoder => compiler.node(schema.ast)
