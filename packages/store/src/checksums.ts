/**
 * Checksums of what the store keeps, so that a store file damaged outside Allegiance (a bit flipped on
 * disk, a row edited by hand) is reported when read instead of read as if nothing happened. SQLite
 * checks its own pages' structure (`PRAGMA quick_check`, when a store is opened), not what a row says:
 * a flipped bit inside a text is still valid text.
 *
 * - Each item version carries a checksum of its body and of where it stands (kind, id, place in the
 *   case, the revision that wrote it).
 * - Each revision records the sum of the checksums of the item versions the case holds at that
 *   revision, so that a version that appears, disappears or changes its span is noticed too.
 * - Each revision and each case row carries a checksum of its own fields.
 *
 * A body's part of its checksum is a sum over its characters, each mixed on its own, so that the body
 * of many items read as one text (`[b1,b2,...]`) is checked against the sum of theirs without finding
 * where one ends. Any one character changed changes the sum; sums are 32 bits, so other damage goes
 * unnoticed about once in four billion. These are checks against accidents, not against someone who
 * means to forge a store.
 */

/** A character mixed into 32 bits: distinct characters give distinct values. */
const mix = (code: number): number => Math.imul(code ^ (code >>> 7) ^ 0x5bd1e995, 0x9e3779b1)

/** The sum of a text's mixed characters, modulo 2^32 (as a signed 32-bit integer, as SQLite keeps it). */
export const textSum = (text: string): number => {
  let sum = 0
  for (let at = 0; at < text.length; at++) sum = (sum + mix(text.charCodeAt(at))) | 0
  return sum
}

const separators = { open: textSum("["), close: textSum("]"), comma: textSum(",") }

/** What `textSum` gives for `n` bodies written as one JSON array, given the sum of their own sums. */
export const arrayTextSum = (bodies: number, bodiesSum: number): number =>
  (bodiesSum + separators.open + separators.close + Math.imul(Math.max(bodies - 1, 0), separators.comma)) | 0

/** A hash of a few fields, in their order (FNV-1a over their text, a separator between them). */
export const fieldsHash = (fields: ReadonlyArray<string | number | null>): number => {
  let hash = 0x811c9dc5
  for (const field of fields) {
    const text = field === null ? "\u0001" : String(field)
    for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
    hash = Math.imul(hash ^ 0, 0x01000193)
  }
  return hash | 0
}

/** The part of an item version's checksum that says where it stands. */
export const versionPlaceHash = (kind: string, id: string, ordinal: number, validFrom: number): number =>
  fieldsHash([kind, id, ordinal, validFrom])

/** An item version's checksum: its place and its body. */
export const versionChecksum = (
  kind: string,
  id: string,
  ordinal: number,
  validFrom: number,
  body: string
): number => (versionPlaceHash(kind, id, ordinal, validFrom) + textSum(body)) | 0

/** The sum of item versions' checksums, as a revision records it. */
export const addChecksums = (sum: number, checksum: number): number => (sum + checksum) | 0
export const removeChecksum = (sum: number, checksum: number): number => (sum - checksum) | 0

/** A revision row's checksum: every field of it, the sum of its items included. */
export const revisionChecksum = (row: {
  readonly caseId: number
  readonly number: number
  readonly parent: number | null
  readonly author: string
  readonly at: string
  readonly reason: string
  readonly undoes: number | null
  readonly itemsSum: number
  readonly checked: number
}): number =>
  fieldsHash([
    row.caseId,
    row.number,
    row.parent,
    row.author,
    row.at,
    row.reason,
    row.undoes,
    row.itemsSum,
    row.checked
  ])

/** A case row's checksum. */
export const caseChecksum = (row: {
  readonly id: number
  readonly name: string
  readonly createdAt: string
}) => fieldsHash([row.id, row.name, row.createdAt])

/**
 * A checksum of bytes, in their order (FNV-1a over 32-bit little-endian words, then the bytes left):
 * for a digest (see `store/digests.ts`), tens of megabytes read at once, where a sum per character
 * would cost a large part of the read.
 */
export const bytesChecksum = (bytes: Uint8Array): number => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const words = bytes.byteLength >>> 2
  let hash = 0x811c9dc5 ^ bytes.byteLength
  for (let at = 0; at < words; at++) hash = Math.imul(hash ^ view.getInt32(at * 4, true), 0x01000193)
  for (let at = words * 4; at < bytes.byteLength; at++) hash = Math.imul(hash ^ bytes[at]!, 0x01000193)
  return hash | 0
}
