import type { Random } from "./random.ts"

/**
 * Made-up group names in the shape real ones take ("Jamaat Ansar al-Furqan", "Liwa Suqur al-Ghab").
 * They name no real group: the benchmark must not read as a claim about anyone.
 */
const PREFIXES = [
  "Jamaat",
  "Liwa",
  "Harakat",
  "Jabhat",
  "Kataib",
  "Jaysh",
  "Tajammu",
  "Firqat",
  "Saraya",
  "Alwiya"
]
const MIDDLES = [
  "Ansar",
  "Ahrar",
  "Suqur",
  "Jund",
  "Usud",
  "Fursan",
  "Abna",
  "Shabab",
  "Rijal",
  "Muhajirin",
  "Mujahidi",
  "Humat"
]
const ENDINGS = [
  "al-Furqan",
  "al-Ghab",
  "al-Tawhid",
  "al-Haqq",
  "al-Sahil",
  "al-Jabal",
  "al-Badiya",
  "al-Qalamun",
  "al-Rafidayn",
  "al-Fath",
  "al-Nasr",
  "al-Qadisiya",
  "al-Khilafa",
  "al-Izza",
  "al-Sunna",
  "al-Jazira",
  "al-Furat",
  "al-Shamal",
  "al-Maghrib",
  "al-Yarmuk",
  "al-Aqsa",
  "al-Ribat",
  "al-Sham",
  "al-Hijra"
]
const ARABIC: Record<string, string> = {
  Jamaat: "جماعة",
  Liwa: "لواء",
  Harakat: "حركة",
  Jabhat: "جبهة",
  Kataib: "كتائب",
  Jaysh: "جيش",
  Ansar: "أنصار",
  Ahrar: "أحرار",
  Suqur: "صقور",
  Jund: "جند",
  Usud: "أسود",
  Fursan: "فرسان",
  Abna: "أبناء",
  Shabab: "شباب",
  Rijal: "رجال",
  Muhajirin: "المهاجرين",
  Mujahidi: "مجاهدي",
  Humat: "حماة"
}
export const REGIONS = [
  "Syria",
  "Iraq",
  "Libya",
  "Yemen",
  "Sinai",
  "Somalia",
  "the Sahel",
  "Khorasan",
  "the Caucasus",
  "Lebanon",
  "Jordan",
  "the Maghreb"
]
const KUNYAS = [
  "Abu Obeida",
  "Abu Muhammad",
  "Abu Hamza",
  "Abu Khalid",
  "Abu Umar",
  "Abu Bakr",
  "Abu Yahya",
  "Abu Talha"
]
const NISBAS = [
  "al-Salafi",
  "al-Muhajir",
  "al-Ansari",
  "al-Shami",
  "al-Iraqi",
  "al-Libi",
  "al-Masri",
  "al-Tunisi"
]

export interface GroupName {
  readonly primary: string
  readonly short: string
  readonly aliases: ReadonlyArray<string>
  readonly transliterations: ReadonlyArray<string>
  readonly arabic?: string
}

export const groupName = (random: Random, serial: number): GroupName => {
  const prefix = random.pick(PREFIXES)
  const middle = random.pick(MIDDLES)
  const ending = random.pick(ENDINGS)
  // Large cases run out of word combinations; a number keeps names telling groups apart.
  const tail = serial < 200 ? "" : ` ${serial}`
  const primary = `${prefix} ${middle} ${ending}${tail}`
  const short = `${prefix[0]}${middle[0]}${ending[3]!.toUpperCase()}${tail}`
  const aliases = [`${middle} ${ending}${tail}`, short]
  const transliterations = random.chance(0.4)
    ? [`${prefix}-e ${middle} ${ending.replace("al-", "el-")}${tail}`]
    : []
  // Only the first two words have Arabic forms here: a partial Arabic name is still one an analyst searches by.
  const arabicPrefix = ARABIC[prefix]
  const arabicMiddle = ARABIC[middle]
  const arabic =
    arabicPrefix === undefined || arabicMiddle === undefined ? undefined : `${arabicPrefix} ${arabicMiddle}`
  return {
    primary,
    short,
    aliases,
    transliterations,
    ...(arabic === undefined || !random.chance(0.6) ? {} : { arabic })
  }
}

export const personName = (random: Random): string => `${random.pick(KUNYAS)} ${random.pick(NISBAS)}`

export const slugOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 14)
