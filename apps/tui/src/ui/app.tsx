/**
 * The terminal UI: a status line (case, as-of day, revision), the views one key away, and the overlays
 * (help, prompts, forms). It draws what @allegiance/present works out, as the case session has it from
 * the `CaseAccess`, and hands each key to its handler; it computes nothing about the case itself.
 */
import type { IsoDay } from "@allegiance/domain"
import { outlineLookup } from "@allegiance/present"
import { Box, Text, useApp, useWindowSize } from "ink"
import { type ReactNode, useReducer } from "react"
import type { CaseAccess } from "../access/case-access.ts"
import { useCaseSession } from "./case-session.ts"
import { ColourContext } from "./draw.tsx"
import { footerText } from "./footer-text.ts"
import { useFormSupport } from "./form-support.ts"
import { FormView, formHelpLines } from "./form-view.tsx"
import { HelpView } from "./help-view.tsx"
import { helpFor } from "./key-bindings.ts"
import { handleKey } from "./key-handler.ts"
import { useKeyQueue } from "./key-queue.ts"
import { type Line, line, pad } from "./lines.ts"
import { useListModel } from "./list-model.ts"
import { ListView } from "./list-view.tsx"
import { initialState, reduce } from "./state.ts"
import { StatusLine } from "./status-line.tsx"
import { TabLine } from "./tab-line.tsx"
import { viewTitles } from "./view-names.ts"

export interface AppProps {
  readonly access: CaseAccess
  readonly asOf: IsoDay
  /** False under NO_COLOR. */
  readonly colour: boolean
}

export const App = ({ access, asOf, colour }: AppProps) => {
  const { exit } = useApp()
  const { columns, rows } = useWindowSize()
  const width = Math.max(40, columns)
  const [state, dispatch] = useReducer(reduce, asOf, initialState)
  const session = useCaseSession(access, state, dispatch)
  const outline = session.outlined?.outline
  const bodyHeight = Math.max(3, rows - 3)
  const list = useListModel(state, session, outline, width, bodyHeight - (state.view === "timeline" ? 2 : 0))
  const form = useFormSupport(access, outline, state.form)
  const helpLines: ReadonlyArray<Line> =
    state.form !== undefined
      ? formHelpLines()
      : helpFor(state.view).map((entry) => line({ text: pad(entry.keys, 16), bold: true }, entry.does))
  // Keys typed before the case's lists are in wait for them (Ctrl-C and q leave at once).
  useKeyQueue(
    (input, key) =>
      handleKey(
        { access, state, dispatch, session, outline, list, form, helpLength: helpLines.length, exit },
        input,
        key
      ),
    outline !== undefined || session.failure !== undefined
  )

  const shown = session.shown
  // Once the lists are in, until the day's verdicts of the revision shown are on screen, the status
  // line says they are being worked out.
  const evaluating =
    outline !== undefined &&
    (session.evaluating !== undefined ||
      shown === undefined ||
      shown.view.asOf !== state.asOf ||
      shown.revision !== session.outlined?.revision.number)
  const tone = state.message?.tone === "bad" ? "red" : state.message?.tone === "good" ? "green" : undefined

  let body: ReactNode
  if (session.failure !== undefined)
    body = (
      <Text wrap="wrap" {...(colour ? { color: "red" } : {})}>
        {session.failure} Press q to leave.
      </Text>
    )
  else if (outline === undefined)
    body = (
      <Text wrap="truncate-middle">
        {session.opened === undefined ? "Opening" : "Reading the case from"} {access.location}…
      </Text>
    )
  else if (state.overlay.type === "help")
    body = (
      <HelpView
        title={state.form !== undefined ? "the form" : viewTitles[state.view]}
        lines={helpLines}
        line={state.overlay.line}
        height={bodyHeight}
      />
    )
  else if (state.form !== undefined && form.context !== undefined)
    body = (
      <FormView
        session={state.form}
        rows={form.rows}
        options={form.options}
        width={width}
        height={bodyHeight}
      />
    )
  else body = <ListView list={list} timeline={state.view === "timeline"} width={width} />

  return (
    <ColourContext.Provider value={colour}>
      <Box flexDirection="column" width={width} height={rows}>
        <StatusLine
          caseName={session.opened?.caseName}
          asOf={state.asOf}
          revision={session.revision?.number}
          evaluating={evaluating}
          reading={outline === undefined && session.failure === undefined}
          busy={session.busy}
        />
        <TabLine view={state.view} from={state.from} width={width} />
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          {body}
        </Box>
        <Text
          wrap="truncate-end"
          {...(colour && tone !== undefined ? { color: tone } : {})}
          dimColor={tone === undefined}
        >
          {footerText({
            state,
            revision: session.revision,
            labels: outline === undefined ? undefined : outlineLookup(outline),
            rows: { shown: list.length, all: list.timeline?.length ?? 0 },
            width
          })}
        </Text>
      </Box>
    </ColourContext.Provider>
  )
}
