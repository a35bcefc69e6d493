/** The terminal UI of Allegiance. */
export type {
  AccessProblem,
  CaseAccess,
  Evaluated,
  HistoryProgress,
  ItemBody,
  ItemEdit,
  OpenedCase,
  Outcome,
  Outlined,
  RevisionStamp,
  Saved
} from "./access/case-access.ts"
export { type LocalAccessOptions, localAccess } from "./access/local-access.ts"
export { type RemoteAccessOptions, remoteAccess } from "./access/remote-access.ts"
export { App, type AppProps } from "./ui/app.tsx"
export { colourWanted, type StartOptions, startTui } from "./start.tsx"
