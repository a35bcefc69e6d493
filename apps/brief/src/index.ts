/**
 * The brief as a command writes it: a thin adapter over `@allegiance/brief` that checks what was asked,
 * builds the brief and writes it to standard output or, whole or not at all, to a file.
 */
export { BriefError } from "./brief-error.ts"
export { type BriefRequest, type BriefWritten, writeBrief } from "./write-brief.ts"
