// Throughput of the date layer: conversions (the target is at least 1M Hijri-to-Gregorian conversions per
// second), reading printed dates and the dual-date check, plus the one-off cost of reading ICU's tables.
// Inputs come from a seeded generator so runs are comparable. Run with
//   npx -y pnpm@10.34.9 --filter @allegiance/bench run bench:calendar

import {
  checkDualDate,
  dayNumberToHijri,
  formatDayNumber,
  gregorianToHijri,
  HIJRI_MONTH_NAMES_ARABIC,
  type HijriDate,
  hijriMonthName,
  hijriToDayNumber,
  hijriToGregorian,
  type IsoDay,
  readPrintedDate
} from "@allegiance/domain/calendar/index"
import { Result } from "effect"

let seed = 0x2015_0108
const random = (): number => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0
  return seed / 2 ** 32
}
const pick = (n: number): number => Math.floor(random() * n)

const time = <A>(run: () => A): readonly [A, number] => {
  const start = performance.now()
  const value = run()
  return [value, performance.now() - start]
}

const rate = (label: string, count: number, run: (i: number) => number): void => {
  // A warm-up round lets the JIT settle; the figure is the best of three timed rounds.
  let sink = 0
  for (let i = 0; i < Math.min(count, 200_000); i++) sink += run(i)
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < 3; round++) {
    const [, ms] = time(() => {
      for (let i = 0; i < count; i++) sink += run(i)
    })
    best = Math.min(best, ms)
  }
  const perSecond = (count / best) * 1000
  const figure =
    perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`
  console.log(
    `${label.padEnd(58)} ${figure.padStart(11)}   (${count.toLocaleString("en")} in ${best.toFixed(0)} ms)`
  )
  if (Number.isNaN(sink)) console.log("(checksum lost)")
}

console.log("Date layer benchmark (Node", process.version + ", ICU", process.versions.icu + ")")

// One-off: the first conversion reads ICU's month starts into a table (lazily, once per calendar).
const [, umalquraMs] = time(() => hijriToGregorian({ year: 1436, month: 3, day: 17 }, "umalqura"))
const [, civilMs] = time(() => hijriToGregorian({ year: 1436, month: 3, day: 17 }, "civil"))
const [, tabularMs] = time(() => hijriToGregorian({ year: 1436, month: 3, day: 17 }, "tabular"))
console.log(`first Umm al-Qura conversion (reads the 1300-1600 AH table): ${umalquraMs.toFixed(1)} ms`)
console.log(
  `first civil / tabular conversion (reads one 100-year chunk):  ${civilMs.toFixed(1)} / ${tabularMs.toFixed(1)} ms`
)

const SAMPLE = 1 << 16
const hijriDates: Array<HijriDate> = Array.from({ length: SAMPLE }, () => ({
  year: 1300 + pick(301),
  month: 1 + pick(12),
  day: 1 + pick(29)
}))
const dayNumbers = Int32Array.from({ length: SAMPLE }, () => -32_000 + pick(100_000))
const isoDays: Array<IsoDay> = Array.from(dayNumbers, (n) => {
  const hijri = Result.getOrThrow(dayNumberToHijri(n))
  return Result.getOrThrow(hijriToGregorian(hijri.date, hijri.calendarUsed)).day
})
const mask = SAMPLE - 1

console.log("\nconversions (1300-1600 AH, random days):")
rate("hijriToGregorian, Umm al-Qura (Result with IsoDay)", 5_000_000, (i) => {
  const result = hijriToGregorian(hijriDates[i & mask]!)
  return Result.isSuccess(result) ? result.success.dayNumber : 0
})
rate("hijriToGregorian, civil", 5_000_000, (i) => {
  const result = hijriToGregorian(hijriDates[i & mask]!, "civil")
  return Result.isSuccess(result) ? result.success.dayNumber : 0
})
rate("hijriToDayNumber, Umm al-Qura (no string)", 10_000_000, (i) => {
  const result = hijriToDayNumber(hijriDates[i & mask]!)
  return Result.isSuccess(result) ? result.success.dayNumber : 0
})
rate("gregorianToHijri, Umm al-Qura (from IsoDay)", 5_000_000, (i) => {
  const result = gregorianToHijri(isoDays[i & mask]!)
  return Result.isSuccess(result) ? result.success.date.day : 0
})
rate("dayNumberToHijri, Umm al-Qura", 10_000_000, (i) => {
  const result = dayNumberToHijri(dayNumbers[i & mask]!)
  return Result.isSuccess(result) ? result.success.date.day : 0
})

// The baseline the tables replace: asking ICU directly, which only goes Gregorian to Hijri.
const icu = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric"
})
rate("for comparison: Intl.formatToParts directly (Greg. to Hijri)", 300_000, (i) => {
  return icu.formatToParts(dayNumbers[i & mask]! * 86_400_000).length
})

console.log("\nreading and checking printed text:")
const pairs = Array.from({ length: 4096 }, (_, i) => {
  const n = dayNumbers[i]!
  const hijri = Result.getOrThrow(dayNumberToHijri(n)).date
  const month = i % 2 === 0 ? hijriMonthName(hijri.month) : HIJRI_MONTH_NAMES_ARABIC[hijri.month - 1]!
  return [`${hijri.day} ${month} ${hijri.year}`, formatDayNumber(n + pick(5) - 2)] as const
})
rate("readPrintedDate (Hijri text, half in Arabic script)", 300_000, (i) => {
  const result = readPrintedDate(pairs[i & 4095]![0])
  return Result.isSuccess(result) ? 1 : 0
})
rate("readPrintedDate (Gregorian text)", 300_000, (i) => {
  const result = readPrintedDate(pairs[i & 4095]![1])
  return Result.isSuccess(result) ? 1 : 0
})
rate("checkDualDate (both texts, three calendars)", 200_000, (i) => {
  const [hijri, gregorian] = pairs[i & 4095]!
  const result = checkDualDate(hijri, gregorian)
  return Result.isSuccess(result) ? result.success.gapDays : 0
})

const usage = process.resourceUsage()
const memory = process.memoryUsage()
console.log(
  `\npeak RSS ${(usage.maxRSS / 1024).toFixed(0)} MB, heap used ${(memory.heapUsed / 1024 / 1024).toFixed(0)} MB`
)
