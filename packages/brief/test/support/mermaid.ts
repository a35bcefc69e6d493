/**
 * Mermaid's own parser, in Node. Mermaid sanitises labels with DOMPurify and lays out timelines with the
 * DOM, so a happy-dom window stands in for the browser's before Mermaid is loaded.
 */
import { Window } from "happy-dom"

const window = new Window()
const globals = globalThis as unknown as Record<string, unknown>
globals.window ??= window
globals.document ??= window.document

const { default: mermaid } = await import("mermaid")
// Diagrams are registered on the first parse.
await mermaid.parse("flowchart LR\n  a --> b")

interface FlowDb {
  readonly getVertices: () => Map<string, { readonly text?: string }>
  readonly getEdges: () => ReadonlyArray<{
    readonly text: string
    readonly stroke: string
    readonly type: string
  }>
}
interface TimelineDb {
  readonly getTasks: () => ReadonlyArray<{
    readonly section: string
    readonly task: string
    readonly events: ReadonlyArray<string>
  }>
}

/** Mermaid's entity codes as its parser leaves them (`ﬂ°°34¶ß`), back to the characters they stand for. */
const decoded = (text: string): string =>
  text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(
      /ﬂ°(\w+)¶ß/g,
      (whole, name: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">" })[name] ?? whole
    )
    .trim()

/** Parses a diagram with Mermaid's parser; throws Mermaid's own error when the text does not parse. */
export const parseMermaid = async (text: string): Promise<string> => (await mermaid.parse(text)).diagramType

/** A flowchart's node and link labels as Mermaid read them, decoded. */
export const flowchartLabels = async (
  text: string
): Promise<{
  readonly nodes: ReadonlyArray<string>
  readonly links: ReadonlyArray<{ readonly text: string; readonly stroke: string; readonly type: string }>
}> => {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text)
  const db = diagram.db as unknown as FlowDb
  return {
    nodes: [...db.getVertices().values()].map((vertex) => decoded(vertex.text ?? "")),
    links: db.getEdges().map((edge) => ({ ...edge, text: decoded(edge.text) }))
  }
}

/** A timeline's events as Mermaid read them, decoded, with their periods and sections. */
export const timelineEvents = async (
  text: string
): Promise<
  ReadonlyArray<{ readonly section: string; readonly period: string; readonly events: ReadonlyArray<string> }>
> => {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text)
  return (diagram.db as unknown as TimelineDb)
    .getTasks()
    .map((task) => ({ section: task.section, period: task.task.trim(), events: task.events.map(decoded) }))
}
