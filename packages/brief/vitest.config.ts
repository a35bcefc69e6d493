// Mermaid's parser needs a DOM: test/support/mermaid.ts puts a happy-dom window on globalThis once, when
// it is first loaded, and Mermaid with it. The test files share that module (the shared config's
// `isolate: false`), so Mermaid and the DOM are loaded once per worker, not once per file.
export { unitConfig as default } from "@allegiance/vitest-config"
