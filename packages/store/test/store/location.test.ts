import { describe, expect, it } from "vitest"
import { storePath } from "../../src/location.ts"

const home = "/home/analyst"

describe("where the store file lives", () => {
  it("defaults to the XDG data folder on Linux", () => {
    expect(storePath({ env: {}, platform: "linux", home })).toBe(
      "/home/analyst/.local/share/allegiance/allegiance.db"
    )
    expect(storePath({ env: { XDG_DATA_HOME: "/data" }, platform: "linux", home })).toBe(
      "/data/allegiance/allegiance.db"
    )
  })

  it("ignores a relative XDG_DATA_HOME, as the XDG spec says", () => {
    expect(storePath({ env: { XDG_DATA_HOME: "data" }, platform: "linux", home })).toBe(
      "/home/analyst/.local/share/allegiance/allegiance.db"
    )
  })

  it("uses each platform's own data folder elsewhere", () => {
    expect(storePath({ env: {}, platform: "darwin", home })).toBe(
      "/home/analyst/Library/Application Support/allegiance/allegiance.db"
    )
    expect(
      storePath({ env: { LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" }, platform: "win32", home })
    ).toMatch(/^C:\\Users\\a\\AppData\\Local.allegiance.allegiance\.db$/)
  })

  it("lets ALLEGIANCE_DB, then the --db flag, override the default", () => {
    const env = { XDG_DATA_HOME: "/data", ALLEGIANCE_DB: "/cases/team.db" }
    expect(storePath({ env, platform: "linux", home })).toBe("/cases/team.db")
    expect(storePath({ env, platform: "linux", home, flag: "/tmp/mine.db" })).toBe("/tmp/mine.db")
    expect(storePath({ env: { ALLEGIANCE_DB: "" }, platform: "linux", home })).toBe(
      "/home/analyst/.local/share/allegiance/allegiance.db"
    )
  })
})
