/**
 * What a count counts, one name per thing in both languages: a Japanese counter (名, 室, 台, 件,
 * 席, 匹) and the English nouns said for the same thing ("guests", "rooms", "spaces",
 * "properties", "seats") meet, so "4名" compares with "up to 4 guests" and "12台" with "12 spaces".
 */
const COUNT_UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:人|名|名様|方|people|persons?|guests?|adults?|members?|customers?|visitors?)$/u, 'person'],
  [/^(?:室|部屋|rooms?|suites?)$/u, 'room'],
  [/^(?:台|spaces?|cars?|vehicles?|parking spaces?|bikes?|bicycles?)$/u, 'space'],
  [/^(?:件|軒|properties|property|listings?|apartments?|homes?|units?)$/u, 'property'],
  [/^(?:席|seats?|tables?)$/u, 'seat'],
  [/^(?:匹|頭|羽|animals?|pets?)$/u, 'animal'],
  [/^(?:個|つ|pieces?|items?)$/u, 'piece'],
  [/^(?:回|times?|visits?|sessions?)$/u, 'time'],
  [/^(?:キロ|キログラム|kg|kgs|kilos?|kilograms?)$/u, 'kg'],
  [/^(?:トン|tons?|tonnes?)$/u, 'ton'],
]

/** Every name `countUnit` gives a known counter or noun. */
export const COUNT_UNIT_NAMES: ReadonlySet<string> = new Set(COUNT_UNITS.map(([, name]) => name))

/** The one name of what a count's unit counts ("名様" and "guests" → `person`); other words stay themselves, singular. */
export function countUnit(unit: string): string {
  let name = read.get(unit)
  if (name === undefined) {
    const lower = unit.toLowerCase()
    name = COUNT_UNITS.find(([pattern]) => pattern.test(lower))?.[1] ?? (/^[a-z]{4,}s$/u.test(lower) && !lower.endsWith('ss') ? lower.slice(0, -1) : lower)
    if (read.size < 1024) read.set(unit, name)
  }
  return name
}

const read = new Map<string, string>()

/** Words that make a number a limit: at most ("up to 4", 最大4名, 4名様まで, 10キロ以下) or at least ("at least 16", 16歳以上). */
const AT_MOST_BEFORE = /(?:\bup\s+to|\bat\s+most|\bno\s+more\s+than|\bmax(?:imum)?(?:\s+of)?|\bunder|最大|上限)\s*$/iu
const AT_MOST_AFTER = /^\s*(?:様)?(?:まで|以下|以内|未満|max(?:imum)?\b)/iu
const AT_LEAST_BEFORE = /(?:\bat\s+least|\bminimum(?:\s+of)?|\bfrom(?:\s+age)?|\bover|\bor\s+older|最低)\s*$/iu
const AT_LEAST_AFTER = /^\s*(?:様)?(?:以上|から|or\s+(?:more|older|over)\b|\+)/iu

/** Whether the number at `start`–`end` of `text` is said as a limit (`max`, `min`) or as an exact value. */
export function countLimit(text: string, start: number, end: number): 'max' | 'min' | undefined {
  const before = text.slice(Math.max(0, start - 24), start)
  const after = text.slice(end, end + 16)
  if (AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(after)) return 'max'
  if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(after)) return 'min'
  return undefined
}
