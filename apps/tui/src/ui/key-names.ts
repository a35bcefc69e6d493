/**
 * Keys as Ink reports them, in the names the key table uses (`up`, `return`, `escape`...), one at a time:
 * text typed fast, pasted or sent by a script arrives in one read, and each of its characters is a key.
 */
import type { Key } from "ink"

/** The named key an Ink key event stands for, if any. */
export const namedKey = (key: {
  readonly upArrow: boolean
  readonly downArrow: boolean
  readonly leftArrow: boolean
  readonly rightArrow: boolean
  readonly pageUp: boolean
  readonly pageDown: boolean
  readonly home: boolean
  readonly end: boolean
  readonly return: boolean
  readonly escape: boolean
  readonly backspace: boolean
  readonly delete: boolean
  readonly tab: boolean
}): string | undefined =>
  key.upArrow
    ? "up"
    : key.downArrow
      ? "down"
      : key.leftArrow
        ? "left"
        : key.rightArrow
          ? "right"
          : key.pageUp
            ? "pageUp"
            : key.pageDown
              ? "pageDown"
              : key.home
                ? "home"
                : key.end
                  ? "end"
                  : key.return
                    ? "return"
                    : key.escape
                      ? "escape"
                      : key.backspace || key.delete
                        ? "backspace"
                        : key.tab
                          ? "tab"
                          : undefined

const controlKeys: Record<string, keyof Key> = {
  "\r": "return",
  "\n": "return",
  "\t": "tab",
  "\x7f": "backspace",
  "\b": "backspace"
}

/**
 * One read of the terminal as the keys in it, one by one: text typed fast, pasted or sent by a script
 * arrives as one piece ("/graduation\r"), which Ink hands over whole; each character is a key here.
 */
export const splitKeys = (
  input: string,
  key: Key
): ReadonlyArray<{ readonly input: string; readonly key: Key }> => {
  const characters = Array.from(input)
  if (characters.length <= 1) return [{ input, key }]
  const plain = Object.fromEntries(
    Object.entries(key).map(([name, value]) => [name, typeof value === "boolean" ? false : value])
  ) as Key
  return characters.map((character) => {
    const control = controlKeys[character]
    return control === undefined
      ? { input: character, key: plain }
      : { input: "", key: { ...plain, [control]: true } }
  })
}
