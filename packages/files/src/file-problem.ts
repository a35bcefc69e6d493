/**
 * What went wrong with a file, in the words of someone who uses files rather than system calls: "there
 * is no such file", not ENOENT.
 */
const reasons: Record<string, string> = {
  ENOENT: "there is no such file (check the name and the folder)",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder, not a file",
  EACCES: "you are not allowed to (check the file's permissions)",
  EPERM: "you are not allowed to (check the file's permissions)",
  EROFS: "the disk or folder is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "your disk quota is used up",
  EMFILE: "too many files are open at once; close some programs and try again",
  ENFILE: "too many files are open at once; close some programs and try again",
  ELOOP: "the path goes round in a loop of links",
  ENAMETOOLONG: "the path is too long",
  EBUSY: "another program holds it",
  ETXTBSY: "another program holds it",
  EIO: "the disk could not be read or written (it may be failing)",
  EFBIG: "it is larger than the system allows"
}

/** "report.md: cannot write the file: the disk is full." */
export const fileProblem = (error: unknown, path: string, action: "read" | "write"): string => {
  const code = (error as { readonly code?: unknown } | undefined)?.code
  const reason =
    // A file to be written need not exist; what is missing then is its folder.
    (action === "write" && code === "ENOENT" ? "its folder does not exist" : undefined) ??
    (typeof code === "string" ? reasons[code] : undefined) ??
    `the system refused (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`
  return `${path}: cannot ${action} the file: ${reason}.`
}
