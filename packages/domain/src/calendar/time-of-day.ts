/**
 * A time of day printed after a date ("8 January 2015, 10:17 pm", "8 January 2015 22:17 UTC+3"), and the
 * instant a day, a time and a zone give together. A hijack can last forty minutes: where two items both
 * carry a time and a zone, the reasoning orders them by the instant rather than by the day.
 */

/** A date's text split into the date itself and the time printed after it, when it ends with one. */
export interface SplitTime {
  readonly dateText: string
  /** "HH:MM", 24-hour. */
  readonly time: string
  /** "+HH:MM" or "-HH:MM" from UTC, when the text names one ("UTC", "GMT+3", "+03:00"). */
  readonly zone?: string
}

const pad = (n: number) => String(n).padStart(2, "0")

/** "+03:00" from a sign and hours and minutes, or undefined when out of the range zones use (UTC-12 to UTC+14). */
const zoneOf = (sign: string, hours: number, minutes: number): string | undefined => {
  const negative = sign === "-" || sign === "\u2212"
  const total = hours * 60 + minutes
  if (minutes > 59 || (negative ? total > 12 * 60 : total > 14 * 60)) return undefined
  return `${negative && total > 0 ? "-" : "+"}${pad(hours)}:${pad(minutes)}`
}

const TIME_AT_END =
  /^(.*?)[\s,]+(?:at\s+)?(\d{1,2})[:.h](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*\(?\s*(?:(?:UTC|GMT|Z)(?:\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?)?|([+\-\u2212])(\d{2}):?(\d{2}))\s*\)?)?\s*$/i

/**
 * The date text and the time of day printed after it, or undefined when the text does not end with a
 * time (or the time is not one: 25:00, 13:10 pm).
 */
export const splitTimeOfDay = (text: string): SplitTime | undefined => {
  const match = TIME_AT_END.exec(text)
  if (match === null) return undefined
  const [, dateText, h, m, meridiem, utcSign, utcHours, utcMinutes, sign, hours, minutes] = match
  let hour = Number(h)
  const minute = Number(m)
  if (minute > 59) return undefined
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined
    const pm = meridiem.toLowerCase().startsWith("p")
    hour = (hour % 12) + (pm ? 12 : 0)
  } else if (hour > 23) return undefined
  const zoneGiven = /(?:UTC|GMT|Z)/i.test(text.slice(dateText!.length)) || sign !== undefined
  let zone: string | undefined
  if (utcSign !== undefined) zone = zoneOf(utcSign, Number(utcHours), Number(utcMinutes ?? 0))
  else if (sign !== undefined) zone = zoneOf(sign, Number(hours), Number(minutes))
  else if (zoneGiven) zone = "+00:00"
  if (zoneGiven && zone === undefined) return undefined
  return {
    dateText: dateText!.trim(),
    time: `${pad(hour)}:${pad(minute)}`,
    ...(zone === undefined ? {} : { zone })
  }
}

/** Whether "HH:MM" is a time of day. */
export const isTimeOfDay = (time: string): boolean => {
  const match = /^(\d{2}):(\d{2})$/.exec(time)
  return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59
}

/** A zone as a case file may write it ("UTC", "Z", "+3", "+03:00", "-0430"), as "+HH:MM", or undefined. */
export const normalZone = (zone: string): string | undefined => {
  const trimmed = zone.trim()
  if (/^(?:UTC|GMT|Z)$/i.test(trimmed)) return "+00:00"
  const match = /^(?:UTC|GMT)?\s*([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed)
  if (match === null) return undefined
  return zoneOf(match[1]!, Number(match[2]), Number(match[3] ?? 0))
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The offset of a "+HH:MM" zone from UTC, in minutes. */
export const zoneMinutes = (zone: string): number =>
  (zone.startsWith("-") ? -1 : 1) * minutesOf(zone.slice(1))

const MS_PER_DAY = 86_400_000

/** Minutes since 1970-01-01T00:00 UTC of a day ("2015-01-08"), a time ("22:17") and a zone ("+03:00"). */
export const instantMinutes = (day: string, time: string, zone: string): number =>
  (Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY) *
    1440 +
  minutesOf(time) -
  zoneMinutes(zone)

/** The UTC day ("2015-01-09") an instant in minutes falls on. */
export const utcDayOf = (minutes: number): string =>
  new Date(Math.floor(minutes / 1440) * MS_PER_DAY).toISOString().slice(0, 10)
