/**
 * Keys handled one per frame. Several keys can arrive in one read (typed fast, or sent by a script),
 * and each must see what the one before it did, which React shows only on the next render: the keys
 * wait in a queue, and each render hands the next one over. Until `ready`, keys typed ahead wait,
 * except those that leave (Ctrl-C, q), which are handed over at once.
 */
import { type Key, useInput } from "ink"
import { useEffect, useRef, useState } from "react"
import { splitKeys } from "./key-names.ts"

const leaves = (input: string, key: Key) => input === "q" || (key.ctrl && input === "c")

export const useKeyQueue = (handle: (input: string, key: Key) => void, ready: boolean): void => {
  const keys = useRef<Array<{ readonly input: string; readonly key: Key }>>([])
  const [, setPressed] = useState(0)
  useInput((input, key) => {
    keys.current.push(...splitKeys(input, key))
    setPressed((count) => count + 1)
  })
  useEffect(() => {
    if (!ready) {
      const leaving = keys.current.find((next) => leaves(next.input, next.key))
      if (leaving !== undefined) handle(leaving.input, leaving.key)
      return
    }
    const next = keys.current.shift()
    if (next === undefined) return
    handle(next.input, next.key)
    if (keys.current.length > 0) setPressed((count) => count + 1)
  })
}
