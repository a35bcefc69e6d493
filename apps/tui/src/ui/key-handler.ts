/** Which handler a key goes to: Ctrl-C always leaves; then the open form, overlay or prompt; else the key table. */
import type { Key } from "ink"
import { runCommand } from "./commands.ts"
import { formKey } from "./form-keys.ts"
import { commandFor } from "./key-bindings.ts"
import { type KeyContext, say } from "./key-context.ts"
import { namedKey } from "./key-names.ts"
import { helpKey, promptKey } from "./prompt-keys.ts"

export const handleKey = (context: KeyContext, input: string, key: Key) => {
  const { state, dispatch } = context
  const named = namedKey(key)
  if (key.ctrl && input === "c") return context.exit()
  if (state.form !== undefined) {
    if (input === "?" && state.form.reason === undefined && state.overlay.type !== "help")
      return dispatch({ type: "overlay", overlay: { type: "help", line: 0 } })
    if (state.overlay.type === "help") return helpKey(context, state.overlay, named)
    return formKey(context, state.form, input, named, key.ctrl, key.shift)
  }
  const overlay = state.overlay
  if (overlay.type === "help") return helpKey(context, overlay, named)
  if (overlay.type === "prompt") return promptKey(context, overlay, input, named, key.ctrl)
  if (overlay.type === "confirm-undo") {
    dispatch({ type: "overlay", overlay: { type: "none" } })
    if (input === "y") context.session.undo()
    else say(context, "Nothing was undone.")
    return
  }
  const command = commandFor(state.view, input, named)
  if (command !== undefined) runCommand(context, command)
}
