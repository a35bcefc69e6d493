/**
 * The three labels of a labelling. Stored as small integers so that a labelling of a
 * million arguments is a one-megabyte `Uint8Array` rather than a million strings.
 */
export const Label = {
  Undec: 0,
  In: 1,
  Out: 2
} as const

export type Label = (typeof Label)[keyof typeof Label]

/** One label per argument, indexed by argument. Values are {@link Label}s. */
export type Labelling = Uint8Array

export const labelName = (label: number): "IN" | "OUT" | "UNDEC" =>
  label === Label.In ? "IN" : label === Label.Out ? "OUT" : "UNDEC"

/** The arguments labelled IN, in increasing order: the extension the labelling stands for. */
export const extensionOf = (labelling: Labelling): Int32Array => {
  let count = 0
  for (let i = 0; i < labelling.length; i++) if (labelling[i] === Label.In) count++
  const out = new Int32Array(count)
  let k = 0
  for (let i = 0; i < labelling.length; i++) if (labelling[i] === Label.In) out[k++] = i
  return out
}
