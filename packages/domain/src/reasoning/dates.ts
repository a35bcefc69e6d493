import type { PrintedDate } from "../calendar/printed-date.ts"

/** `a` is surely over before `b` begins. */
export const surelyBefore = (a: PrintedDate, b: PrintedDate): boolean => a.end < b.start

/** `a` may fall at or after the start of `b`: it is not known to come before it. */
export const notSurelyBefore = (a: PrintedDate, b: PrintedDate): boolean => !surelyBefore(a, b)
