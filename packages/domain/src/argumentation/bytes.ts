/**
 * A copy of `bytes` that later writes to their buffer cannot change. Readers keep the unfinished end of
 * a chunk until the next one comes, and a caller may read the next chunk into the same buffer; Node's
 * `Buffer#slice` is a view, not a copy, so a reader never relies on `slice` to keep bytes.
 */
export const copyOf = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes)

/** The bytes the instance readers look for, by name. */
export const NL = 10
export const CR = 13
export const SPACE = 32
export const TAB = 9
export const HASH = 35
export const PERCENT = 37
export const OPEN = 40
export const CLOSE = 41
export const COMMA = 44
export const DOT = 46
export const ZERO = 48
export const NINE = 57

/** Space within a line: blanks, tabs, and the carriage return of a Windows line end. */
export const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR
