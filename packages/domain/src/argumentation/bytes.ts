/**
 * A copy of `bytes` that later writes to their buffer cannot change. Readers keep the unfinished end of
 * a chunk until the next one comes, and a caller may read the next chunk into the same buffer; Node's
 * `Buffer#slice` is a view, not a copy, so a reader never relies on `slice` to keep bytes.
 */
export const copyOf = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes)
