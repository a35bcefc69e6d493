/**
 * Decoders compiled from a Schema's AST: for each node, one plain function that checks the input and
 * builds the very value `Schema.decodeUnknown` builds (the same classes, fields in the same order,
 * defaults filled in), or says only that the input does not decode. Reading a large case spent most of
 * its time in Schema's general machinery; these functions do the same work without it, and whoever
 * needs to know why an input fails asks Schema itself, for that input alone.
 *
 * Nothing here knows the case model. Structs, arrays, unions, literals, classes, optional keys, decoding
 * defaults and every check a Schema declares (patterns, lengths, integers, impossible days...) are read
 * off the AST, so a field or a kind added to the model needs no change here. A transformation whose
 * work cannot be read off the AST is either given by the caller (`transformations`: a date read from its
 * printed text, say) or left to Schema for that node alone: right, if slower.
 */
import { Effect, Option, Schema, SchemaAST, type SchemaTransformation } from "effect"

/** What a decoder returns for an input that does not decode. */
export const invalid: unique symbol = Symbol("invalid")
export type Invalid = typeof invalid

export type Decoder = (input: unknown) => unknown

/** How strictly to decode, and the transformations the caller does itself. */
export interface DecoderOptions {
  /** Refuse object keys the Schema does not declare (`onExcessProperty: "error"`); otherwise they are dropped. */
  readonly strict: boolean
  /**
   * A transformation's decoding done by the caller, keyed by the transformation: given the encoded value
   * (already checked against the encoded side), the decoded one or `invalid`.
   */
  readonly transformations?: ReadonlyMap<unknown, (encoded: unknown) => unknown> | undefined
  /**
   * Called with the number of keys of each object decoded (strict decoding only), so that a caller can
   * compare the keys a text writes with the keys its parsed objects hold.
   */
  readonly countKeys?: boolean | undefined
  /**
   * The input is the caller's own, to be changed (strict decoding only): an object that holds the
   * Schema's keys in the Schema's order, with no default to fill in, becomes its own decoded value (the
   * class's prototype and its fields' decoded values given in place) instead of being copied. What a
   * value that turns out not to decode had changed is put back (see `reuseLog`), so that Schema, asked
   * why, sees the input as it was. Only for a tree of values no one else holds: JSON.parse's.
   */
  readonly reuse?: boolean | undefined
}

/** What a change in place replaced, to put back: a field's value, or (under `prototypeKey`) the prototype. */
const prototypeKey: unique symbol = Symbol("prototype")

/**
 * The changes reusing decoders made, as triples (object, key, value replaced), so that those of a value
 * that does not decode are put back. A caller settles it after each item (`settleReuse`).
 */
const reuseLog: Array<unknown> = []

/** Puts back the changes made since the log held `mark` entries, last first. */
const undoReuse = (mark: number): void => {
  for (let at = reuseLog.length - 3; at >= mark; at -= 3) {
    const target = reuseLog[at] as Record<PropertyKey, unknown>
    const key = reuseLog[at + 1] as PropertyKey
    if (key === prototypeKey) Object.setPrototypeOf(target, reuseLog[at + 2] as object)
    else target[key] = reuseLog[at + 2]
  }
  reuseLog.length = mark
}

/** Forgets the changes made so far: the item they were made for decoded, and they stay. */
export const settleReuse = (): void => {
  reuseLog.length = 0
}

/** How many object keys strict decoders with `countKeys` have seen, all told. */
export const keyCounter = { keys: 0 }

type Getter = SchemaTransformation.Transformation<unknown, unknown, unknown, unknown>["decode"]

/** What a key left out of an object gives: nothing (optional), a failure (required), or a value. */
type Absent =
  | { readonly kind: "optional" }
  | { readonly kind: "required" }
  | { readonly kind: "default"; readonly value: () => unknown }
const optional: Absent = { kind: "optional" }
const required: Absent = { kind: "required" }

const parseOptions: SchemaAST.ParseOptions = {}

/** The node as its encoding's last link has it: what the input is checked against first. */
export const lastEncoding = (ast: SchemaAST.AST): SchemaAST.AST => {
  const links = ast.encoding
  return links === undefined ? ast : lastEncoding(links[links.length - 1]!.to)
}

/** The node without its encoding: its own parsing alone. */
const withoutEncoding = (ast: SchemaAST.AST): SchemaAST.AST =>
  ast.encoding === undefined
    ? ast
    : (Object.assign(Object.create(Object.getPrototypeOf(ast) as object), ast, {
        encoding: undefined
      }) as SchemaAST.AST)

/**
 * Whether a declaration is a class's (`Schema.Class`): Effect marks a class's declaration with the
 * annotation that describes its constructor.
 */
const isClassDeclaration = (ast: SchemaAST.AST): boolean =>
  ast._tag === "Declaration" && typeof ast.annotations?.["~constructor"] === "function"

const runChecks = (checks: SchemaAST.Checks, value: unknown, ast: SchemaAST.AST): boolean => {
  for (const check of checks) {
    if (check._tag === "Filter") {
      if (check.run(value, ast, parseOptions) !== undefined) return false
    } else if (!runChecks(check.checks, value, ast)) return false
  }
  return true
}

/**
 * Whether `to`, the encoded side of a node's only link, is the node's own encoded form, part for part (as
 * a decoding default makes it): then decoding the node checks all `to` would check.
 */
const encodedIsImplied = (ast: SchemaAST.AST, to: SchemaAST.AST): boolean => {
  if (to.checks !== undefined || (to as { readonly encodingChecks?: unknown }).encodingChecks !== undefined)
    return false
  const same = (encoded: ReadonlyArray<SchemaAST.AST>, own: ReadonlyArray<SchemaAST.AST>) =>
    encoded.length === own.length && encoded.every((part, at) => part === SchemaAST.toEncoded(own[at]!))
  if (ast._tag === "Arrays" && to._tag === "Arrays")
    return same(to.elements, ast.elements) && same(to.rest, ast.rest)
  if (ast._tag === "Objects" && to._tag === "Objects")
    return (
      ast.indexSignatures.length === 0 &&
      to.indexSignatures.length === 0 &&
      to.propertySignatures.length === ast.propertySignatures.length &&
      to.propertySignatures.every((property, at) => property.name === ast.propertySignatures[at]!.name) &&
      same(
        to.propertySignatures.map((property) => property.type),
        ast.propertySignatures.map((property) => property.type)
      )
    )
  return false
}

/** How many answers a remembering decoder keeps: about the distinct dates of a case of 100,000 statements, and more. */
const rememberedAnswers = 50_000

let generates: boolean | undefined

/** Whether this engine runs code made at run time (Cloudflare Workers, for one, do not). */
const canGenerate = (): boolean => {
  if (generates === undefined) {
    try {
      generates = new Function("return true")() === true
    } catch {
      generates = false
    }
  }
  return generates
}

/** A decoder that asks Schema itself: for nodes whose work these decoders do not reproduce. */
const bySchema = (ast: SchemaAST.AST, strict: boolean): Decoder => {
  const decode = Schema.decodeUnknownResult(
    Schema.make<Schema.Codec<unknown, unknown>>(ast),
    strict ? { onExcessProperty: "error" } : {}
  )
  return (input) => {
    const result = decode(input)
    return result._tag === "Success" ? result.success : invalid
  }
}

const isPassthroughGetter = (getter: Getter): boolean => getter._tag === "Passthrough"

/** Runs a getter on an absent or present input, at compile time only: its answer, or undefined when it is effectful. */
const runGetter = (getter: Getter, input: Option.Option<unknown>): Option.Option<unknown> | undefined => {
  try {
    switch (getter._tag) {
      case "Passthrough":
        return input
      case "Transform":
        return Option.map(input, getter.transform)
      case "TransformOptional":
        return getter.transform(input)
      case "TransformEffect":
        return Option.isNone(input)
          ? input
          : Option.some(Effect.runSync(getter.transform(input.value, parseOptions) as Effect.Effect<unknown>))
      case "TransformOptionalEffect":
        return Effect.runSync(getter.transform(input, parseOptions) as Effect.Effect<Option.Option<unknown>>)
    }
  } catch {
    return undefined
  }
}

/**
 * Whether a getter hands a present value on unchanged (as a decoding default does): tried on a value
 * no getter could know, which only a getter that passes values through returns as it is.
 */
const passesPresentValues = (getter: Getter): boolean => {
  if (isPassthroughGetter(getter)) return true
  if (getter._tag !== "TransformOptional" && getter._tag !== "TransformOptionalEffect") return false
  const probe = { probe: Symbol("probe") }
  const out = runGetter(getter, Option.some(probe))
  return out !== undefined && Option.isSome(out) && out.value === probe
}

/** What of an item decodes: the item with those fields, and the fields that do not. */
export interface Parts {
  readonly value: Record<string, unknown>
  readonly failed: ReadonlyArray<string>
}

/** A flat object a remembering decoder has answered: its keys and values in their order, and the answer. */
interface RememberedObject {
  readonly names: ReadonlyArray<string>
  readonly values: ReadonlyArray<unknown>
  readonly answer: unknown
}

interface Compiled {
  readonly decode: Decoder
  readonly absent: Absent
}

/** The decoders of one set of options, each AST node compiled once. */
class Compiler {
  readonly #options: DecoderOptions
  readonly #compiled = new Map<SchemaAST.AST, Compiled>()
  readonly #prototypes = new Map<SchemaAST.AST, object>()
  #quiet: Compiler | undefined
  constructor(options: DecoderOptions) {
    this.#options = options
  }

  /** The same decoders, counting no keys: for a value checked twice, so that its keys count once. */
  #uncounted(): Compiler {
    if (this.#options.countKeys !== true) return this
    this.#quiet ??= new Compiler({ ...this.#options, countKeys: false })
    return this.#quiet
  }

  node(ast: SchemaAST.AST): Compiled {
    const known = this.#compiled.get(ast)
    if (known !== undefined) return known
    // Set before compiling, so that a recursive Schema (through Suspend) finds itself.
    const slot: { decode: Decoder; absent: Absent } = { decode: () => invalid, absent: required }
    const late: Decoder = (input) => slot.decode(input)
    this.#compiled.set(ast, { decode: late, absent: required })
    const compiled = this.#compile(ast)
    slot.decode = compiled.decode
    slot.absent = compiled.absent
    this.#compiled.set(ast, compiled)
    return compiled
  }

  #compile(ast: SchemaAST.AST): Compiled {
    const isOptional = ast.context?.isOptional === true
    const links = ast.encoding
    if (links === undefined) {
      return { decode: this.#withChecks(ast, this.#local(ast)), absent: isOptional ? optional : required }
    }
    if (links.length !== 1)
      return { decode: bySchema(ast, this.#options.strict), absent: this.#absentBySchema(ast) }
    const link = links[0]!
    const transformation = link.transformation
    if (transformation._tag === "Middleware") {
      return { decode: bySchema(ast, this.#options.strict), absent: this.#absentBySchema(ast) }
    }
    const getter = transformation.decode
    const given = this.#options.transformations?.get(transformation)
    // A class: the fields decoded by its struct, in an object of the class's prototype.
    if (isClassDeclaration(ast) && link.to._tag === "Objects") {
      const prototype = this.#prototypeOf(ast, getter)
      if (prototype !== undefined) {
        const fields = this.#withChecks(
          link.to,
          this.#objects(link.to, () => Object.create(prototype) as Record<string, unknown>, prototype)
        )
        const decode = this.#withChecks(ast, fields)
        return { decode, absent: isOptional ? optional : required }
      }
    }
    if (given !== undefined) {
      // The caller's transformation gives the decoded value itself: only the node's checks remain.
      const encoded = this.node(link.to).decode
      const decode = this.#withChecks(ast, (input) => {
        const value = encoded(input)
        return value === invalid ? invalid : given(value)
      })
      return { decode: this.#remembered(decode), absent: isOptional ? optional : required }
    }
    const local = this.#withChecks(ast, this.#local(ast))
    if (passesPresentValues(getter)) {
      // The encoded side is checked first, then decoded by the node's own parsing, as Schema does;
      // when the encoded side is the node's own encoded form (a decoding default), decoding checks it.
      const encoded = encodedIsImplied(ast, link.to) ? undefined : this.#uncounted().node(link.to).decode
      const decode: Decoder =
        encoded === undefined
          ? local
          : (input) => {
              const value = encoded(input)
              return value === invalid ? invalid : local(value)
            }
      const whenAbsent = runGetter(getter, Option.none())
      if (whenAbsent === undefined) return { decode, absent: this.#absentBySchema(ast) }
      if (Option.isSome(whenAbsent)) {
        const fallback = whenAbsent.value
        // A default list is a list of its own for each value, as Schema makes it, not one shared by all.
        const value = () => {
          const made = local(fallback)
          return made === fallback && Array.isArray(made) ? [...made] : made
        }
        return { decode, absent: { kind: "default", value } }
      }
      return { decode, absent: isOptional ? optional : required }
    }
    return { decode: bySchema(ast, this.#options.strict), absent: this.#absentBySchema(ast) }
  }

  /**
   * A decoder that remembers its answers for inputs written alike (a string, or a flat object of plain
   * values, key for key): for transformations the caller does, whose values are shared and never change
   * (a date read from its text), so that a case writing the same date 20,000 times checks and reads it
   * once. The keys of a remembered object still count.
   */
  #remembered(decode: Decoder): Decoder {
    const counting = this.#options.strict && this.#options.countKeys === true
    // Strings and numbers by themselves; a flat object under its first value, beside the others that
    // share it (a date's text, say), matched key for key and value for value. Building a string key for
    // every object, as this did before, cost more than the reading it saved.
    const strings = new Map<string, unknown>()
    const numbers = new Map<number, unknown>()
    const objects = new Map<unknown, Array<RememberedObject>>()
    let remembered = 0
    const remember = <K>(answers: Map<K, unknown>, key: K, answer: unknown) => {
      if (remembered >= rememberedAnswers) {
        strings.clear()
        numbers.clear()
        objects.clear()
        remembered = 0
      }
      remembered++
      answers.set(key, answer)
    }
    return (input) => {
      if (typeof input === "string") {
        const known = strings.get(input)
        if (known !== undefined) return known
        const answer = decode(input)
        remember(strings, input, answer)
        return answer
      }
      if (typeof input === "number") {
        const known = numbers.get(input)
        if (known !== undefined) return known
        const answer = decode(input)
        remember(numbers, input, answer)
        return answer
      }
      if (typeof input !== "object" || input === null || Array.isArray(input)) return decode(input)
      const record = input as Record<string, unknown>
      let first: unknown
      let keys = 0
      for (const name in record) {
        const value = record[name]
        if (typeof value === "object" && value !== null) return decode(input)
        if (keys === 0) first = value
        keys++
      }
      const alike = objects.get(first)
      if (alike !== undefined)
        for (const candidate of alike) {
          if (candidate.names.length !== keys) continue
          let at = 0
          let same = true
          for (const name in record) {
            if (candidate.names[at] !== name || candidate.values[at] !== record[name]) {
              same = false
              break
            }
            at++
          }
          if (!same) continue
          if (counting) keyCounter.keys += keys
          return candidate.answer
        }
      const answer = decode(input)
      const names: Array<string> = []
      const values: Array<unknown> = []
      for (const name in record) {
        names.push(name)
        values.push(record[name])
      }
      if (alike === undefined) remember(objects, first, [{ names, values, answer }])
      else if (remembered < rememberedAnswers) {
        remembered++
        alike.push({ names, values, answer })
      }
      return answer
    }
  }

  /** What Schema makes of the key left out, for a node these decoders do not reproduce. */
  #absentBySchema(ast: SchemaAST.AST): Absent {
    const alone = Schema.Struct({ value: Schema.make<Schema.Codec<unknown, unknown>>(ast) })
    const result = Schema.decodeUnknownResult(alone)({})
    if (result._tag === "Failure") return required
    if (!Object.hasOwn(result.success, "value")) return optional
    const value = (result.success as { readonly value: unknown }).value
    return { kind: "default", value: Array.isArray(value) ? () => [...value] : () => value }
  }

  /** The prototype a class's decoding gives its instances: asked of the class's own transformation, once. */
  #prototypeOf(ast: SchemaAST.AST, getter: Getter): object | undefined {
    const known = this.#prototypes.get(ast)
    if (known !== undefined) return known
    const made = runGetter(getter, Option.some({}))
    if (made === undefined || Option.isNone(made) || typeof made.value !== "object" || made.value === null)
      return undefined
    const prototype = Object.getPrototypeOf(made.value) as object
    this.#prototypes.set(ast, prototype)
    return prototype
  }

  /**
   * The parts of an item that do decode, when the item as a whole does not: an object of the item's
   * class holding the fields that decode (in their order), and the names of those that do not. For a
   * union of structs told apart by a literal field, the member the literal picks.
   */
  parts(ast: SchemaAST.AST): (input: unknown) => Parts | undefined {
    const struct = (
      node: SchemaAST.AST
    ): { objects: SchemaAST.Objects; create: () => Record<string, unknown> } | undefined => {
      if (node._tag === "Objects" && node.encoding === undefined) return { objects: node, create: () => ({}) }
      const link = node.encoding?.[0]
      if (node.encoding?.length !== 1 || link === undefined || link.to._tag !== "Objects") return undefined
      if (!isClassDeclaration(node) || link.transformation._tag === "Middleware") return undefined
      const prototype = this.#prototypeOf(node, link.transformation.decode)
      return prototype === undefined
        ? undefined
        : { objects: link.to, create: () => Object.create(prototype) as Record<string, unknown> }
    }
    const partsOf = (found: { objects: SchemaAST.Objects; create: () => Record<string, unknown> }) => {
      const properties = found.objects.propertySignatures.map((property) => ({
        name: property.name as string,
        compiled: this.node(property.type)
      }))
      return (input: unknown): Parts | undefined => {
        if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
        const record = input as Record<string, unknown>
        const value = found.create()
        const failed: Array<string> = []
        for (const { name, compiled } of properties) {
          if (!Object.hasOwn(record, name)) {
            const absent = compiled.absent
            if (absent.kind === "default") value[name] = absent.value()
            else if (absent.kind === "required") failed.push(name)
            continue
          }
          const decoded = compiled.decode(record[name])
          if (decoded === invalid) failed.push(name)
          else value[name] = decoded
        }
        return { value, failed }
      }
    }
    const alone = struct(ast)
    if (alone !== undefined) return partsOf(alone)
    if (ast._tag === "Union") {
      const tagged = this.#discriminated(ast)
      const members = ast.types.map((type) => {
        const found = struct(type)
        return found === undefined ? undefined : partsOf(found)
      })
      if (tagged !== undefined)
        return (input) => {
          if (typeof input !== "object" || input === null) return undefined
          const candidates = tagged.members.get((input as Record<string, unknown>)[tagged.key])
          return candidates?.length === 1 ? members[candidates[0]!]?.(input) : undefined
        }
    }
    return () => undefined
  }

  #withChecks(ast: SchemaAST.AST, decode: Decoder): Decoder {
    const checks = ast.checks
    const encodingChecks = (ast as { readonly encodingChecks?: SchemaAST.Checks }).encodingChecks
    if (checks === undefined && encodingChecks === undefined) return decode
    const reusing = this.#reusing
    return (input) => {
      if (encodingChecks !== undefined && !runChecks(encodingChecks, input, ast)) return invalid
      const mark = reuseLog.length
      const value = decode(input)
      if (value === invalid) return invalid
      if (checks === undefined || runChecks(checks, value, ast)) return value
      // A value decoded in place that fails its own checks: the input as it was.
      if (reusing) undoReuse(mark)
      return invalid
    }
  }

  /** Whether these decoders reuse their input (see `DecoderOptions.reuse`). */
  get #reusing(): boolean {
    return this.#options.reuse === true && this.#options.strict
  }

  /** The node's own parsing, its encoding aside; Schema's own where these decoders do not reproduce it. */
  #local(ast: SchemaAST.AST): Decoder {
    switch (ast._tag) {
      case "String":
        return (input) => (typeof input === "string" ? input : invalid)
      case "Number":
        return (input) => (typeof input === "number" ? input : invalid)
      case "Boolean":
        return (input) => (typeof input === "boolean" ? input : invalid)
      case "Literal": {
        const literal = ast.literal
        return (input) => (input === literal ? input : invalid)
      }
      case "Null":
        return (input) => (input === null ? input : invalid)
      case "Unknown":
      case "Any":
        return (input) => input
      case "Never":
        return () => invalid
      case "Objects":
        if (ast.indexSignatures.length > 0) return bySchema(withoutEncoding(ast), this.#options.strict)
        return this.#objects(ast, () => ({}))
      case "Arrays":
        return this.#arrays(ast)
      case "Union":
        return this.#union(ast)
      case "Suspend": {
        let decode: Decoder | undefined
        return (input) => {
          decode ??= this.node(ast.thunk()).decode
          return decode(input)
        }
      }
      default:
        return bySchema(withoutEncoding(ast), this.#options.strict)
    }
  }

  #objects(ast: SchemaAST.Objects, create: () => Record<string, unknown>, prototype?: object): Decoder {
    const generated = this.#generatedObjects(ast, prototype)
    if (generated !== undefined) return generated
    const strict = this.#options.strict
    const counting = strict && this.#options.countKeys === true
    const properties = ast.propertySignatures.map((property) => {
      const compiled = this.node(property.type)
      return { name: property.name as string, decode: compiled.decode, absent: compiled.absent }
    })
    const count = properties.length
    if (ast.propertySignatures.length === 0) {
      return (input) => (input !== null && input !== undefined ? input : invalid)
    }
    return (input) => {
      if (typeof input !== "object" || input === null || Array.isArray(input)) return invalid
      const record = input as Record<string, unknown>
      const out = create()
      let present = 0
      for (let at = 0; at < count; at++) {
        const property = properties[at]!
        const name = property.name
        const value = record[name]
        if (value === undefined && !(name === "__proto__" ? Object.hasOwn(record, name) : name in record)) {
          const absent = property.absent
          if (absent.kind === "optional") continue
          if (absent.kind === "required") return invalid
          const fallback = absent.value()
          if (fallback === invalid) return invalid
          out[name] = fallback
          continue
        }
        present++
        const decoded = property.decode(value)
        if (decoded === invalid) return invalid
        if (name === "__proto__")
          Object.defineProperty(out, name, {
            value: decoded,
            writable: true,
            enumerable: true,
            configurable: true
          })
        else out[name] = decoded
      }
      if (strict) {
        let keys = 0
        for (const _ in record) keys++
        if (keys !== present) return invalid
        if (counting) keyCounter.keys += keys
      }
      return out
    }
  }

  /**
   * The struct's decoder as the code of one function, written for its fields: each field read by name,
   * plain values (strings, numbers, literals) checked in line, the rest by their own decoders. Engines
   * run such code far faster than a loop over fields. Undefined where code cannot be made (an engine that
   * forbids it, as Cloudflare Workers do) or is not worth it: the loop does the same.
   */
  #generatedObjects(ast: SchemaAST.Objects, prototype: object | undefined): Decoder | undefined {
    if (!canGenerate() || ast.propertySignatures.length === 0) return undefined
    if (
      ast.propertySignatures.some(
        (property) => typeof property.name !== "string" || property.name === "__proto__"
      )
    )
      return undefined
    if (this.#reusing) return this.#generatedReusingObjects(ast, prototype)
    const decoders: Array<Decoder> = []
    const absents: Array<() => unknown> = []
    const checks: Array<(value: unknown) => boolean> = []
    const literals: Array<unknown> = []
    const sets: Array<ReadonlySet<unknown>> = []
    const lines: Array<string> = [
      "if (typeof i !== 'object' || i === null || Array.isArray(i)) return I;",
      `const o = ${prototype === undefined ? "{}" : "Object.create(P)"};`,
      "let n = 0, v, d;"
    ]
    for (const property of ast.propertySignatures) {
      const name = JSON.stringify(property.name)
      const compiled = this.node(property.type)
      const absent = compiled.absent
      const whenAbsent =
        absent.kind === "optional"
          ? ""
          : absent.kind === "required"
            ? "return I;"
            : `d = A[${absents.push(absent.value) - 1}](); if (d === I) return I; o[${name}] = d;`
      lines.push(
        `v = i[${name}];`,
        `if (v === undefined && !(${name} in i)) { ${whenAbsent} } else {`,
        "n++;"
      )
      const inline = this.#inlineCheck(property.type, checks, literals, sets)
      if (inline !== undefined) lines.push(`if (${inline}) return I;`, `o[${name}] = v;`)
      else
        lines.push(
          `d = D[${decoders.push(compiled.decode) - 1}](v);`,
          "if (d === I) return I;",
          `o[${name}] = d;`
        )
      lines.push("}")
    }
    if (this.#options.strict) {
      lines.push("let k = 0; for (const _ in i) k++;", "if (k !== n) return I;")
      if (this.#options.countKeys === true) lines.push("C.keys += k;")
    }
    lines.push("return o;")
    try {
      return new Function(
        "I",
        "D",
        "A",
        "K",
        "L",
        "S",
        "P",
        "C",
        `return function (i) {\n${lines.join("\n")}\n}`
      )(invalid, decoders, absents, checks, literals, sets, prototype, keyCounter) as Decoder
    } catch {
      return undefined
    }
  }

  /**
   * `#generatedObjects` for decoders that reuse their input: each field decoded into a local first;
   * then, when the object holds the Schema's keys in its order and no default was filled in, the object
   * itself is the value (changed fields and the prototype set in place, each change logged to be put
   * back should an enclosing value fail), and otherwise a new object as `#generatedObjects` makes it.
   * Any failure puts back what this value's fields had changed.
   */
  #generatedReusingObjects(ast: SchemaAST.Objects, prototype: object | undefined): Decoder | undefined {
    const decoders: Array<Decoder> = []
    const absents: Array<() => unknown> = []
    const checks: Array<(value: unknown) => boolean> = []
    const literals: Array<unknown> = []
    const sets: Array<ReadonlySet<unknown>> = []
    const names = ast.propertySignatures.map((property) => property.name as string)
    // Each key's place in the Schema's order, to tell an object written in that order.
    const places: Record<string, number> = Object.create(null)
    names.forEach((name, at) => {
      places[name] = at
    })
    const fail = "return F(m);"
    const lines: Array<string> = [
      "if (typeof i !== 'object' || i === null || Array.isArray(i)) return I;",
      "const m = R.length;",
      `let n = 0, v, s = true, c = false${names.map((_, at) => `, d${at} = U`).join("")};`
    ]
    ast.propertySignatures.forEach((property, at) => {
      const name = JSON.stringify(property.name)
      const local = `d${at}`
      const compiled = this.node(property.type)
      const absent = compiled.absent
      const whenAbsent =
        absent.kind === "optional"
          ? ""
          : absent.kind === "required"
            ? fail
            : `${local} = A[${absents.push(absent.value) - 1}](); if (${local} === I) ${fail} s = false;`
      lines.push(
        `v = i[${name}];`,
        `if (v === undefined && !(${name} in i)) { ${whenAbsent} } else {`,
        "n++;"
      )
      const inline = this.#inlineCheck(property.type, checks, literals, sets)
      if (inline !== undefined) lines.push(`if (${inline}) ${fail}`, `${local} = v;`)
      else
        lines.push(
          `${local} = D[${decoders.push(compiled.decode) - 1}](v);`,
          `if (${local} === I) ${fail}`,
          `if (${local} !== v) c = true;`
        )
      lines.push("}")
    })
    lines.push(
      "let k = 0, l = -1;",
      "for (const key in i) { k++; if (s) { const p = X[key]; if (p === undefined || p <= l) s = false; else l = p; } }",
      `if (k !== n) ${fail}`
    )
    if (this.#options.countKeys === true) lines.push("C.keys += k;")
    lines.push("if (s) {", "if (c) {")
    names.forEach((name, at) => {
      const key = JSON.stringify(name)
      lines.push(
        `if (d${at} !== U && d${at} !== i[${key}]) { R.push(i, ${key}, i[${key}]); i[${key}] = d${at}; }`
      )
    })
    lines.push("}")
    if (prototype !== undefined)
      lines.push("R.push(i, Q, Object.getPrototypeOf(i));", "Object.setPrototypeOf(i, P);")
    lines.push("return i;", "}", `const o = ${prototype === undefined ? "{}" : "Object.create(P)"};`)
    names.forEach((name, at) => {
      lines.push(`if (d${at} !== U) o[${JSON.stringify(name)}] = d${at};`)
    })
    lines.push("return o;")
    const unset = Symbol("unset")
    const undo = (mark: number) => {
      if (reuseLog.length > mark) undoReuse(mark)
      return invalid
    }
    try {
      return new Function(
        "I",
        "D",
        "A",
        "K",
        "L",
        "S",
        "P",
        "C",
        "R",
        "F",
        "U",
        "X",
        "Q",
        `return function (i) {\n${lines.join("\n")}\n}`
      )(
        invalid,
        decoders,
        absents,
        checks,
        literals,
        sets,
        prototype,
        keyCounter,
        reuseLog,
        undo,
        unset,
        places,
        prototypeKey
      ) as Decoder
    } catch {
      return undefined
    }
  }

  /**
   * A condition on `v` that holds when a plain value (a string, number, boolean or literal, or one of a
   * few literals) does not decode, for a node whose decoded value is the input itself; undefined for any
   * other node.
   */
  #inlineCheck(
    ast: SchemaAST.AST,
    checks: Array<(value: unknown) => boolean>,
    literals: Array<unknown>,
    sets: Array<ReadonlySet<unknown>>
  ): string | undefined {
    if (
      ast.encoding !== undefined ||
      (ast as { readonly encodingChecks?: unknown }).encodingChecks !== undefined
    )
      return undefined
    let base: string
    switch (ast._tag) {
      case "String":
        base = "typeof v !== 'string'"
        break
      case "Number":
        base = "typeof v !== 'number'"
        break
      case "Boolean":
        base = "typeof v !== 'boolean'"
        break
      case "Literal":
        base = `v !== L[${literals.push(ast.literal) - 1}]`
        break
      case "Union": {
        if (
          !ast.types.every(
            (type) => type._tag === "Literal" && type.encoding === undefined && type.checks === undefined
          )
        )
          return undefined
        const set = new Set(ast.types.map((type) => (type as SchemaAST.Literal).literal))
        base = `!S[${sets.push(set) - 1}].has(v)`
        break
      }
      default:
        return undefined
    }
    const own = ast.checks
    if (own === undefined) return base
    return `${base} || !K[${checks.push((value) => runChecks(own, value, ast)) - 1}](v)`
  }

  #arrays(ast: SchemaAST.Arrays): Decoder {
    if (ast.rest.length > 1 || ast.elements.some((element) => element.context?.isOptional === true))
      return bySchema(withoutEncoding(ast), this.#options.strict)
    const elements = ast.elements.map((element) => this.node(element).decode)
    const fixed = elements.length
    const rest = ast.rest.length === 1 ? this.node(ast.rest[0]!).decode : undefined
    // An array whose every element decodes to itself (strings, numbers, an empty list) is its own
    // decoded value: equal, element for element, to the copy Schema makes, which is not made. A case of
    // 100,000 statements holds several hundred thousand such lists.
    return (input) => {
      if (!Array.isArray(input)) return invalid
      const length = input.length
      if (length < fixed || (rest === undefined && length > fixed)) return invalid
      let out: Array<unknown> | undefined
      for (let at = 0; at < length; at++) {
        const element = input[at]
        const decoded = (at < fixed ? elements[at]! : rest!)(element)
        if (decoded === invalid) return invalid
        if (out !== undefined) out[at] = decoded
        else if (decoded !== element || element === undefined) {
          out = input.slice(0, at)
          out[at] = decoded
        }
      }
      return out ?? input
    }
  }

  #union(ast: SchemaAST.Union): Decoder {
    if (ast.options?.mode === "oneOf") return bySchema(withoutEncoding(ast), this.#options.strict)
    const members = ast.types.map((type) => this.node(type).decode)
    const byTag = this.#discriminated(ast)
    if (byTag !== undefined) {
      const { key, members: tagged } = byTag
      return (input) => {
        if (typeof input !== "object" || input === null) return invalid
        const candidates = tagged.get((input as Record<string, unknown>)[key])
        if (candidates === undefined) return invalid
        for (const at of candidates) {
          const decoded = members[at]!(input)
          if (decoded !== invalid) return decoded
        }
        return invalid
      }
    }
    return (input) => {
      for (let at = 0; at < members.length; at++) {
        const decoded = members[at]!(input)
        if (decoded !== invalid) return decoded
      }
      return invalid
    }
  }

  /**
   * When every member of a union is a struct with a literal at the same required key (claims and their
   * `kind`), the members each literal picks, so that a value is tried against its own member only.
   */
  #discriminated(ast: SchemaAST.Union): { key: string; members: Map<unknown, Array<number>> } | undefined {
    const structs = ast.types.map((type) => {
      const encoded = lastEncoding(type)
      return encoded._tag === "Objects" ? encoded : undefined
    })
    if (structs.length < 2 || structs.some((struct) => struct === undefined)) return undefined
    const literalAt = (struct: SchemaAST.Objects, key: PropertyKey) => {
      const property = struct.propertySignatures.find((candidate) => candidate.name === key)
      const type = property?.type
      return type !== undefined &&
        type._tag === "Literal" &&
        type.context?.isOptional !== true &&
        type.checks === undefined
        ? type.literal
        : undefined
    }
    for (const property of structs[0]!.propertySignatures) {
      const key = property.name
      if (typeof key !== "string") continue
      const literals = structs.map((struct) => literalAt(struct!, key))
      if (literals.some((literal) => literal === undefined)) continue
      const members = new Map<unknown, Array<number>>()
      literals.forEach((literal, at) => {
        const list = members.get(literal)
        if (list === undefined) members.set(literal, [at])
        else list.push(at)
      })
      return { key, members }
    }
    return undefined
  }
}

const compilers = new WeakMap<DecoderOptions, Compiler>()

const compilerOf = (options: DecoderOptions): Compiler => {
  let compiler = compilers.get(options)
  if (compiler === undefined) {
    compiler = new Compiler(options)
    compilers.set(options, compiler)
  }
  return compiler
}

/**
 * The compiled decoder of a Schema under `options`: the decoded value, exactly as
 * `Schema.decodeUnknown(schema, { onExcessProperty: strict ? "error" : "ignore" })` gives it, or
 * `invalid`. Each node is compiled once per options object: keep the object for reuse.
 */
export const compiledDecoder = (schema: Schema.Top, options: DecoderOptions): Decoder =>
  compilerOf(options).node(schema.ast).decode

/** What a struct key of `schema` left out gives under these decoders: nothing, a failure, or a default. */
export const compiledAbsence = (schema: Schema.Top, options: DecoderOptions): Absent =>
  compilerOf(options).node(schema.ast).absent

/** The parts of an item of `schema` that decode, when the whole does not (see `Compiler.parts`). */
export const compiledParts = (
  schema: Schema.Top,
  options: DecoderOptions
): ((input: unknown) => Parts | undefined) => compilerOf(options).parts(schema.ast)

export type { Absent }
