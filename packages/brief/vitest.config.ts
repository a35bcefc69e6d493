import { unitConfig } from "@allegiance/vitest-config"
import { mergeConfig } from "vitest/config"

// Mermaid's parser needs a DOM, which the brief's tests put on globalThis: each file keeps its own.
export default mergeConfig(unitConfig, { test: { isolate: true } })
