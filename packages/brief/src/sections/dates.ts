import { writtenDay } from "@allegiance/present"

/** A day as a writer puts it: "8 January 2015". */
export const writtenDate = (day: string): string => writtenDay(day as Parameters<typeof writtenDay>[0])
