export { unitConfig as default } from "@allegiance/vitest-config"
