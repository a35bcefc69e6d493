/** Copies the reference page's script (@scalar/api-reference's standalone bundle) to the Worker's static assets. */
import { cpSync, mkdirSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))
const entry = createRequire(import.meta.url).resolve("@scalar/api-reference")
mkdirSync(here("worker-assets/docs"), { recursive: true })
cpSync(join(dirname(entry), "browser", "standalone.js"), here("worker-assets/docs/scalar.js"))
