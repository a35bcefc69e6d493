export { conformanceConfig as default } from "@allegiance/vitest-config"
