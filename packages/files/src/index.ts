/** The analyst's own files, read and written safely: whole or not at all, with problems said in words. */
export { fileProblem } from "./file-problem.ts"
export { firstNonUtf8, largestTextBytes, readTextFile } from "./read-text.ts"
export { writeFileWhole } from "./write-whole.ts"
