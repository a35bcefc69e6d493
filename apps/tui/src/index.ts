/** The terminal UI of Allegiance. */
export type {
  AccessProblem,
  CaseAccess,
  HistoryProgress,
  ItemEdit,
  OpenedCase,
  Outcome,
  RevisionStamp,
  Saved
} from "./access/case-access.ts"
export { type LocalAccessOptions, localAccess } from "./access/local-access.ts"
export { App, type AppProps } from "./ui/app.tsx"
export { colourWanted, type StartOptions, startTui } from "./start.tsx"
