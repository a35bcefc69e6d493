/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, `undefined`
 * fields dropped. Two bodies are the same item version exactly when their
 * canonical texts are equal, which is how a write tells a change from a no-op.
 */
export const canonicalJson = (value: unknown): string => {
  const out: Array<string> = []
  write(value, out)
  return out.join("")
}

const write = (value: unknown, out: Array<string>): void => {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new TypeError(`canonicalJson: ${value} has no JSON form`)
    }
    if (typeof value === "bigint") throw new TypeError("canonicalJson: bigint has no JSON form")
    out.push(JSON.stringify(value) ?? "null")
    return
  }
  if (Array.isArray(value)) {
    out.push("[")
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",")
      const element = value[i]
      write(element === undefined || typeof element === "function" ? null : element, out)
    }
    out.push("]")
    return
  }
  if (value instanceof Date) {
    out.push(JSON.stringify(value.toISOString()))
    return
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  out.push("{")
  let first = true
  for (const key of keys) {
    const field = record[key]
    if (field === undefined || typeof field === "function") continue
    if (!first) out.push(",")
    first = false
    out.push(JSON.stringify(key), ":")
    write(field, out)
  }
  out.push("}")
}
