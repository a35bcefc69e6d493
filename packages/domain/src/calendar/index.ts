/**
 * The date layer: reading printed dates (Hijri and Gregorian, in transliteration or Arabic script),
 * converting between Hijri calendars and the Gregorian one, and checking a Hijri date against the Gregorian
 * date printed beside it (domain rule 1).
 */
export { BoundedMemo } from "./bounded-memo.ts"
export { DateReadError, DateReadErrorReason } from "./date-read-error.ts"
export { type DateReading, type PrintedWeekday, readDate, type TextSpan } from "./date-reader.ts"
export {
  addDays,
  type DayNumber,
  dayNumberToIsoDay,
  daysBetween,
  FIRST_DAY_NUMBER,
  formatDayNumber,
  gregorianDayNumber,
  gregorianMonthLength,
  gregorianMonthName,
  gregorianParts,
  type IsoWeekday,
  isoDayToDayNumber,
  LAST_DAY_NUMBER,
  WEEKDAY_NAMES,
  weekdayName,
  weekdayOfDayNumber
} from "./day-number.ts"
export {
  CAUTION_MAX_DAYS,
  type CalendarOffset,
  CONSISTENT_MAX_DAYS,
  checkDualDate,
  type DualDateFinding,
  DualDateVerdict,
  type GregorianAsRead,
  type GregorianSpan,
  type HijriAsRead,
  type WeekdayCheck
} from "./dual-date-check.ts"
export {
  dayNumberToHijri,
  effectiveCalendar,
  FIRST_HIJRI_YEAR,
  formatHijriDate,
  type GregorianFromHijri,
  gregorianToHijri,
  HIJRI_CALENDAR_LABELS,
  HIJRI_CALENDARS,
  HijriCalendar,
  type HijriDate,
  HijriDateError,
  HijriDateErrorReason,
  type HijriFromGregorian,
  hijriMonthLength,
  hijriToDayNumber,
  hijriToGregorian,
  LAST_HIJRI_YEAR,
  UMALQURA_FIRST_YEAR,
  UMALQURA_LAST_YEAR
} from "./hijri-calendar.ts"
export { HIJRI_MONTH_NAMES, HIJRI_MONTH_NAMES_ARABIC, hijriMonthName } from "./hijri-month-names.ts"
export { CalendarSystem, DatePrecision, IsoDay, PrintedDate } from "./printed-date.ts"
export {
  gregorianReadingInterval,
  hijriReadingInterval,
  type ReadingInterval,
  readPrintedDate,
  readPrintedDateRemembered
} from "./read-printed-date.ts"
