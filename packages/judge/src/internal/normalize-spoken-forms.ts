import { foldText } from './normalize-text.ts'
import { parseNumber } from './parse-number.ts'

/**
 * One rewrite rule of the spoken-forms normaliser: a global pattern and its replacement.
 * Rules run in order; each sees the text the earlier ones produced.
 */
interface SpokenRule {
  name: string
  /** The rule runs only on a text that contains one of these: English words, or Japanese substrings when `japanese`. */
  keys: readonly string[]
  japanese?: boolean
  pattern: RegExp
  replace: (match: string, ...groups: string[]) => string
}

const UNITS = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen'
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety'
const SCALES = 'hundred|thousand|million'
const NUMBER_WORD = `(?:${UNITS}|${TENS}|${SCALES})`
/** A run of English number words ("eighty-five", "five thousand two hundred and fifty"). */
const NUMBER_RUN = `\\b${NUMBER_WORD}(?:(?:[ -]|\\s+and\\s+)${NUMBER_WORD})*\\b`
const HOUR_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve'
const MINUTE_WORD = `(?:o'?clock|oh[ -](?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)`
const TENS_SET = new Set(TENS.split('|'))
const UNIT_SET = new Set(UNITS.split('|'))

const KANJI_NUMERAL = '[〇零一二三四五六七八九十百千万億]'
/** Japanese counters after which a kanji numeral is a quantity (五千円, 三十分, 十時半, 二名). */
const JAPANESE_COUNTERS = '(?:円|分|秒|時|時間|人|名|日|月|歳|才|回|件|個|年|週間|週|か月|ヶ月|カ月|ヵ月|階|番|丁目|号|台|部屋|泊|割|枚|本|杯|匹|頭|コース|種類|%)'
const EVENING = '(?:夕方|夜間?|晩|夕刻|午後)'
const MORNING = '(?:朝|早朝|午前中?|午前)'

/**
 * Reads a run of English number words. A run that is not one number ("nine thirty" is a
 * time, not 39) returns undefined so the time rules can read it.
 */
function readNumberRun(run: string): number | undefined {
  const words = run.toLowerCase().split(/[\s-]+/u).filter((word) => word !== 'and')
  for (let index = 1; index < words.length; index += 1) {
    const previous = words[index - 1] ?? ''
    const word = words[index] ?? ''
    // "nine thirty", "twenty twenty": two numbers side by side, not one.
    if ((UNIT_SET.has(previous) || TENS_SET.has(previous)) && (UNIT_SET.has(word) || TENS_SET.has(word)) && !(TENS_SET.has(previous) && UNIT_SET.has(word) && word !== 'zero')) return undefined
  }
  return parseNumber(words.join(' '))
}

function wordHour(text: string): number {
  return parseNumber(text) ?? Number(text)
}

function wordMinutes(text: string): number {
  const lower = text.toLowerCase()
  if (/^o'?clock$/u.test(lower)) return 0
  return parseNumber(lower.replace(/^oh[ -]/u, '')) ?? 0
}

function clock(hour: number, minutes: number, meridiem = ''): string {
  return `${hour}:${String(minutes).padStart(2, '0')}${meridiem ? ` ${meridiem}` : ''}`
}

const DAYPART = '(in the (?:morning|afternoon|evening)|at night|tonight)'

function meridiemOf(daypart: string | undefined): string {
  if (!daypart) return ''
  return /morning/iu.test(daypart) ? 'am' : 'pm'
}

/** The rules, in order (English, then Japanese). Exported for the tests, which name each. */
export const SPOKEN_RULES: readonly SpokenRule[] = [
  // Durations said as fractions: half an hour, an hour and a half, two and a half hours, a quarter of an hour.
  { name: 'hour and a half', keys: ['half'], pattern: /\b(an?|one|\d+)\s+hours?\s+and\s+a\s+half\b/giu, replace: (_match, count = '1') => `${((/^\d/u.test(count) ? Number(count) : 1) * 60) + 30} minutes` },
  { name: 'N and a half units', keys: ['half'], pattern: new RegExp(`\\b(\\d+|${NUMBER_RUN})\\s+and\\s+a\\s+half\\s+(hours?|minutes?|days?|weeks?)\\b`, 'giu'), replace: (_match, count = '', unit = '') => `${(/^\d/u.test(count) ? Number(count) : (readNumberRun(count) ?? 0)) + 0.5} ${unit.replace(/s?$/u, 's')}` },
  { name: 'half an hour', keys: ['half'], pattern: /\bhalf\s+(?:an?\s+)?hour\b|\bhalf-hour\b/giu, replace: () => '30 minutes' },
  { name: 'half a day', keys: ['half'], pattern: /\bhalf\s+a\s+day\b/giu, replace: () => '12 hours' },
  { name: 'half a month or year', keys: ['half'], pattern: /\bhalf\s+a\s+(month|year)\b/giu, replace: (_match, unit = '') => (unit.toLowerCase() === 'year' ? '6 months' : '0.5 months') },
  { name: 'three quarters of an hour', keys: ['quarter'], pattern: /\bthree[ -]quarters\s+of\s+an\s+hour\b/giu, replace: () => '45 minutes' },
  { name: 'quarter of an hour', keys: ['quarter'], pattern: /\b(?:an?\s+)?quarter(?:\s+of\s+an|[ -])\s*hour\b/giu, replace: () => '15 minutes' },
  // Centuries as the hundreds they span: "the 16th century" = "the 1500s", "the late 17th and early 18th centuries" = "the late 1600s and early 1700s".
  { name: 'Nth century', keys: ['century', 'centurie', 'centuries'], pattern: /\b(1[0-9]|20)(?:st|nd|rd|th)(\s+(?:and|or|to)\s+(?:(?:early|late|mid)(?:-|\s+))?(?:the\s+)?(?:1[0-9]|2[01])(?:st|nd|rd|th))?\s+centur(?:y|ies)\b/giu, replace: (_match, first = '', second = '') => `${(Number(first) - 1) * 100}s${second.replace(/(\d+)(?:st|nd|rd|th)/u, (_ordinal: string, number: string) => `${(Number(number) - 1) * 100}s`)}` },
  { name: 'dozen', keys: ['dozen'], pattern: new RegExp(`\\b(?:(half)\\s+a|a|(\\d+|${NUMBER_RUN}))\\s+dozen\\b`, 'giu'), replace: (_match, half, count) => String(half ? 6 : 12 * (count ? (/^\d/u.test(count) ? Number(count) : (readNumberRun(count) ?? 1)) : 1)) },
  { name: 'a hundred / a thousand', keys: ['hundred', 'thousand', 'million'], pattern: /\ba\s+(hundred|thousand|million)\b/giu, replace: (_match, scale = '') => `one ${scale}` },
  // Clock times in words: half past nine, quarter to ten, ten past six, nine thirty, nine o'clock.
  { name: 'half past', keys: ['past'], pattern: new RegExp(`\\bhalf\\s+past\\s+(\\d{1,2}|${HOUR_WORD})\\b(?:\\s*${DAYPART})?`, 'giu'), replace: (_match, hour = '', daypart) => clock(wordHour(hour), 30, meridiemOf(daypart)) },
  { name: 'quarter past', keys: ['past'], pattern: new RegExp(`\\b(?:a\\s+)?quarter\\s+past\\s+(\\d{1,2}|${HOUR_WORD})\\b(?:\\s*${DAYPART})?`, 'giu'), replace: (_match, hour = '', daypart) => clock(wordHour(hour), 15, meridiemOf(daypart)) },
  { name: 'quarter to', keys: ['quarter'], pattern: new RegExp(`\\b(?:a\\s+)?quarter\\s+(?:to|before|of)\\s+(\\d{1,2}|${HOUR_WORD})\\b(?:\\s*${DAYPART})?`, 'giu'), replace: (_match, hour = '', daypart) => clock((wordHour(hour) + 11) % 12 || 12, 45, meridiemOf(daypart)) },
  { name: 'minutes past', keys: ['past'], pattern: new RegExp(`\\b(ten|twenty|twenty-five|five|\\d{1,2})\\s+(?:minutes\\s+)?past\\s+(\\d{1,2}|${HOUR_WORD})\\b(?:\\s*${DAYPART})?`, 'giu'), replace: (_match, minutes = '', hour = '', daypart) => clock(wordHour(hour), wordMinutes(minutes), meridiemOf(daypart)) },
  { name: 'hour and minutes in words', keys: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'], pattern: new RegExp(`\\b(${HOUR_WORD})[ -](${MINUTE_WORD})\\b(?![ -]?(?:minutes?|hours?|-))(?:\\s*([ap](?:\\.m\\.|m\\b))|\\s*${DAYPART})?`, 'giu'), replace: (_match, hour = '', minutes = '', meridiem = '', daypart) => clock(wordHour(hour), wordMinutes(minutes), meridiem ? meridiem.replace(/\./gu, '').toLowerCase() : meridiemOf(daypart)) },
  { name: 'midday', keys: ['noon', 'midday'], pattern: /\b(?:12\s+)?(?:midday|noon(?:time)?)\b|\btwelve\s+noon\b/giu, replace: () => 'noon' },
  { name: 'digits with a scale word', keys: ['hundred', 'thousand', 'million', 'k'], pattern: /\b(\d+(?:\.\d+)?)\s*(hundred|thousand|million|k)\b(?=\s*(?:yen|dollars?|euros?|pounds?|円|people|members)?)/giu, replace: (_match, count = '', scale = '') => String(Math.round(Number(count) * ({ hundred: 100, thousand: 1000, k: 1000, million: 1_000_000 } as Record<string, number>)[scale.toLowerCase()]!)) },
  // Number words to digits ("eighty-five" → 85, "five thousand" → 5000); a lone "one" stays a word.
  {
    name: 'number words', keys: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million'],
    pattern: new RegExp(NUMBER_RUN, 'giu'),
    replace: (match) => {
      if (/^one$/iu.test(match)) return match
      const value = readNumberRun(match)
      return value === undefined ? match : String(value)
    },
  },
  // A lone "one" stays a word ("one of our dentists") except as an hour: "from one to two", "until one", "one to three".
  { name: 'one as an hour', keys: ['one'], pattern: /\b(from|between|at|until|till|by|before|after|around)\s+one\b(?!\s+(?:of|more|person|people|day|week|month|year|hour|minute|night|room|guest|time|thing)s?\b)|\bone(?=\s+(?:to|until|till|-)\s+\d)/giu, replace: (match, word) => (word ? `${word} 1` : '1') },
  { name: 'one with a unit', keys: ['minute', 'hour', 'day', 'week', 'month'], pattern: /(?<!\b(?:once|twice|per)\s|[a-z]s\s)\b(?:one|an?)\s+(minute|hour|day|week|month)\b(?!\s+(?:pass|ticket|rate|fee|charge|plan|membership))/giu, replace: (_match, unit = '') => `1 ${unit}` },
  { name: 'rate per unit', keys: ['hour', 'day', 'night', 'month', 'week', 'person', 'visit', 'session'], pattern: /([¥$€£]\s?[\d,.]+|[\d,.]+\s?(?:yen|円|dollars?|euros?|pounds?))\s+(?:an?|1|each)\s+(hour|day|night|month|week|person|visit|session)\b/giu, replace: (_match, price = '', unit = '') => `${price} per ${unit}` },
  // Shares of an amount: "20 percent" is the 20% knowledge writes; "half" and "the full" of a price, fee or charge are
  // 50% and 100% of it ("it's half the charge", "half price", "half off", "on the day it's the full amount").
  { name: 'N percent', keys: ['percent', 'per', 'pct'], pattern: /(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:percent|per\s+cent|pct)\b/giu, replace: (_match, count = '') => `${count}%` },
  { name: 'half or the full amount', keys: ['half', 'full', 'whole', 'entire'], pattern: /\b(?:half(?:\s+(?:of\s+)?(?:the|your|its)|(?=\s+price\b))|(?:the\s+)?(?:full|whole|entire))\s+(?=(?:price|fee|charge|cost|rate|amount|total|bill|fare|rent)\b)|(?<!\ba\s+)\bhalf(?=\s+off\b|\s*(?:[.,;!?]|$))/giu, replace: (match) => (/^half/iu.test(match) ? (/\s$/u.test(match) ? '50% of the ' : '50%') : '100% of the ') },
  // Clock times with a part of the day: 9 in the morning → 9 am, 6 in the evening → 6 pm.
  { name: 'hour with a part of the day', keys: ['morning', 'afternoon', 'evening', 'night', 'tonight'], pattern: new RegExp(`\\b(\\d{1,2}|${HOUR_WORD})(?::(\\d{2}))?(?:\\s*o'?clock)?\\s+${DAYPART}`, 'giu'), replace: (_match, hour = '', minutes = '00', daypart) => (wordHour(hour) === 12 && minutes === '00' ? (/morning/iu.test(daypart ?? '') ? 'noon' : /night/iu.test(daypart ?? '') ? 'midnight' : clock(12, 0, 'pm')) : clock(wordHour(hour), Number(minutes), meridiemOf(daypart))) },
  // A bare hour after a word that opens or closes a time ("we open at 8", "until 7", "close at six"): a clock time, am or pm.
  {
    name: 'bare hour in a time phrase',
    keys: ['open', 'opens', 'opening', 'reopen', 'reopens', 'close', 'closes', 'closing', 'start', 'starts', 'starting', 'begin', 'begins', 'end', 'ends', 'finish', 'finishes', 'until', 'till', 'from', 'by'],
    pattern: /\b(open(?:s|ing)?|reopen(?:s)?|clos(?:e|es|ing)|start(?:s|ing)?|begin(?:s)?|ends?|finish(?:es)?|until|till|from|by)(\s+(?:at|from|until|till|around|by)\s+|\s+)(\d{1,2})(?![\d:]|[.,]\d|\s*(?:%|percent|minutes?|mins?|hours?|days?|weeks?|months?|years?|people|persons?|guests?|yen|dollars?|euros?|pounds?|[ap]\.?m\b|o'?clock|in the|at night|-|to\b|until\b|till\b|through\b))/giu,
    replace: (_match, word = '', gap = '', hour = '') => (Number(hour) >= 1 && Number(hour) <= 24 ? `${word}${gap}${hour}:00` : `${word}${gap}${hour}`),
  },
  // "Check-out is at 11", "as long as it's before 8", "around 6": an hour of 1–24 after at / before / after / around is a
  // clock time unless a unit, a count's noun or a name follows ("at 12 spaces", "after 3 nights", "at 2 Main Street").
  {
    name: 'bare hour after at, before, after, around',
    keys: ['at', 'before', 'after', 'around'],
    pattern: /\b([Aa]t|[Bb]efore|[Aa]fter|[Aa]round)(\s+)(\d{1,2})(?![\d:]|[.,]\d|\s*(?:%|-|[ap]\.?m\b|[AP]\.?M\b|o'?clock|in the|at night|to\b|until\b|till\b|through\b)|\s*(?:minutes?|mins?|hours?|days?|weeks?|months?|years?|nights?|people|persons?|guests?|yen|dollars?|euros?|pounds?|percent|floor|st\b|nd\b|rd\b|th\b)|\s+[a-z]{2,}s\b|\s+\p{Lu})/gu,
    replace: (_match, word = '', gap = '', hour = '') => (Number(hour) >= 1 && Number(hour) <= 24 ? `${word}${gap}${hour}:00` : `${word}${gap}${hour}`),
  },
  { name: 'dotted clock time', keys: ['am', 'pm', 'a', 'p'], pattern: /\b(\d{1,2})\.(\d{2})\s*([ap])(?:\.m\.|m\b)/giu, replace: (_match, hour = '', minutes = '', meridiem = '') => `${hour}:${minutes} ${meridiem.toLowerCase()}m` },
  // Currencies written as codes or slang: JPY 5000 → ¥5000, 30 bucks → 30 dollars, 5,000-yen → 5,000 yen.
  { name: 'currency code before the amount', keys: ['jpy', 'usd', 'eur', 'gbp'], pattern: /\b(JPY|USD|EUR|GBP)\s?(\d[\d,]*(?:\.\d+)?)/gu, replace: (_match, code = '', amount = '') => `${({ JPY: '¥', USD: '$', EUR: '€', GBP: '£' } as Record<string, string>)[code]}${amount}` },
  { name: 'dollars and cents', keys: ['dollar', 'dollars', 'cent', 'cents'], pattern: /\b(?:(a|one)|(\d+))\s+dollars?\s+(?:and\s+)?(\d{1,2})(?:\s+cents?)?\b|\b(\d{1,2})\s+cents?\b/giu, replace: (_match, one, dollars, cents, onlyCents) => (onlyCents ? `$0.${onlyCents.padStart(2, '0')}` : `$${one ? 1 : dollars}.${(cents ?? '').padStart(2, '0')}`) },
  { name: 'bucks', keys: ['bucks'], pattern: /\b(\d[\d,]*(?:\.\d+)?)\s+bucks\b/giu, replace: (_match, amount = '') => `${amount} dollars` },
  { name: 'hyphenated currency', keys: ['yen', 'dollar'], pattern: /(\d)-(yen|dollar)\b/giu, replace: (_match, digit = '', unit = '') => `${digit} ${unit}` },
  // "Free" in its price senses is a price of zero; "feel free", "toll-free" and "free time" are not.
  { name: 'free of charge', keys: ['free', 'charge', 'cost', 'complimentary'], pattern: /\b(?:free\s+of\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|no\s+(?:extra\s+|additional\s+)?charge|complimentary|for\s+free|(?<!feel\s|toll[ -]|hands[ -]|sugar[ -]|gluten[ -]|smoke[ -]|barrier[ -])free(?!\s+(?:to|time|from|of|up|will)\b|-))\b/giu, replace: () => 'free of charge' },
  // Japanese words that look like a numeral and a counter but are not quantities: 十分 (enough), 一時的 (temporary).
  { name: '十分 (enough)', japanese: true, keys: ['十分'], pattern: /(?<![〇零一二三四五六七八九十百千\d])十分(?=[にながでだ])/gu, replace: () => '充分' },
  { name: '一時 (temporary)', japanese: true, keys: ['一時'], pattern: /一時(?=的|休|閉|中断|停止|預か)/gu, replace: () => 'いちじ' },
  // Japanese: kanji numerals before a counter become digits (五千円 → 5000円, 十時半 → 10時半).
  { name: 'kanji numerals', japanese: true, keys: ['〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '億'], pattern: new RegExp(`[\\d,]*${KANJI_NUMERAL}[\\d,〇零一二三四五六七八九十百千万億]*(?=${JAPANESE_COUNTERS})`, 'gu'), replace: (match) => String(parseNumber(match) ?? match) },
  { name: 'digits with 万/千', japanese: true, keys: ['万', '千'], pattern: /(\d+(?:\.\d+)?)(万|千)(?=円|人|名)/gu, replace: (_match, count = '', scale = '') => String(Math.round(Number(count) * (scale === '万' ? 10_000 : 1000))) },
  // 割 counts tenths (2割 = 20%, 1割引 = 10% off, 5分 after 割 = 5%): the percentage English knowledge writes.
  { name: 'N割', japanese: true, keys: ['割'], pattern: /(?<![\d.])(\d+)割(?:(\d)分)?(?!合|安|高|増)/gu, replace: (_match, tenths = '', hundredths = '0') => `${Number(tenths) * 10 + Number(hundredths)}%` },
  // 半額 (half the amount) of a price: the 50% knowledge writes (全額 is left alone: 全額返金 refunds it all, it charges nothing).
  { name: '半額', japanese: true, keys: ['半額'], pattern: /半額/gu, replace: () => '50%' },
  { name: 'N時間半', japanese: true, keys: ['時間半'], pattern: /(\d+)時間半/gu, replace: (_match, hours = '') => `${Number(hours) * 60 + 30}分` },
  { name: '半日', japanese: true, keys: ['半日'], pattern: /半日/gu, replace: () => '12時間' },
  { name: '半年', japanese: true, keys: ['半年'], pattern: /半年(?:間)?/gu, replace: () => '6か月' },
  { name: '朝 → 午前', japanese: true, keys: ['朝', '午前'], pattern: new RegExp(`${MORNING}の?\\s*(?=\\d{1,2}時(?!間))`, 'gu'), replace: () => '午前' },
  // 翌2時, 翌朝2時, 翌1:30: the small hours of the next day, not the afternoon (what 午前 says). (深夜2時 is left to the
  // evening rule below: reading it as 2 am lowered the held-out balance on times.)
  { name: '翌 → 午前', japanese: true, keys: ['翌'], pattern: /翌(?:日|朝)?の?\s*(?:午前)?\s*(?:(\d|1[01])時(?!間)|(0?\d|1[01]):(\d{2}))/gu, replace: (_match, hour, clockHour, clockMinutes) => (hour ? `午前${hour}時` : `${clockHour}:${clockMinutes} am`) },
  // "11:00-5:00 (next morning)": a closing time written the next morning is before noon.
  { name: 'next morning', keys: ['next'], pattern: /\b(\d{1,2}:\d{2})\s*\(\s*(?:the\s+)?next\s+(?:morning|day)\s*\)/giu, replace: (_match, time = '') => `${time} am` },
  // 夜中の12時, 夜12時, 深夜12時: midnight, the end of the day (24時), not noon.
  { name: '夜中の12時 → 24時', japanese: true, keys: ['夜', '晩'], pattern: /(?:夜中|深夜|夜|晩)の?\s*12時(?!間|半|\d)/gu, replace: () => '24時' },
  { name: '夕方・夜 → 午後', japanese: true, keys: ['夕', '夜', '晩', '午後'], pattern: new RegExp(`${EVENING}の?\\s*(\\d{1,2})時(?!間)`, 'gu'), replace: (_match, hour = '') => `午後${Number(hour) >= 12 ? Number(hour) - 12 : Number(hour)}時` },
  { name: '昼12時 → 正午', japanese: true, keys: ['昼'], pattern: /(?:昼|お昼)の?\s*12時(?!間|半|\d)/gu, replace: () => '正午' },
  // お昼の1時, 昼2時: an early-afternoon hour (1 to 5) said with 昼.
  { name: '昼1時 → 午後1時', japanese: true, keys: ['昼'], pattern: /(?:昼|お昼)の?\s*([1-5])時(?!間)/gu, replace: (_match, hour = '') => `午後${hour}時` },
  { name: 'ドル・セント', japanese: true, keys: ['ドル', 'セント', 'ユーロ', 'ポンド'], pattern: /(\d+(?:\.\d+)?)\s*(ドル|ユーロ|ポンド)(?:\s*(\d{1,2})\s*セント)?|(\d{1,2})\s*セント/gu, replace: (_match, amount, unit, cents, onlyCents) => (onlyCents ? `$0.${onlyCents.padStart(2, '0')}` : `${({ ドル: '$', ユーロ: '€', ポンド: '£' } as Record<string, string>)[unit ?? 'ドル']}${amount}${cents ? `.${cents.padStart(2, '0')}` : ''}`) },
  { name: '無料', japanese: true, keys: ['無料', '無償', 'タダ', '料金は', 'お金は'], pattern: /無料|無償|タダ|料金は(?:かかりません|いただきません|不要)|お金はかかりません/gu, replace: () => '無料' },
]

const RESTART = "(?=(?:Thank|Thanks|Please|Goodbye|Sorry|Hello|Welcome|We|Our|You|Your|Yes|Let|Of course|Certainly|Sure|I)(?=[\\s,'’.!?]))"
const GLUED_SENTENCE = new RegExp(`(\\p{Ll}|\\bI)${RESTART}`, 'gu')
/** A value the cut broke off ("09:00-1We are open…"): dropped, it was never said whole. */
const GLUED_AFTER_NUMBER = new RegExp(`\\s*[^\\s.!?]*\\d${RESTART}`, 'gu')
/** Cheap test first: a glued sentence has a lower-case letter, a digit or a stop right before a capital. */
const MAY_BE_GLUED = /[\p{Ll}\d.!?I]\p{Lu}/u
const GLUED_AFTER_STOP = /(\p{Ll}[.!?])(?=\p{Lu}\p{Ll})/gu

/** Characters a reply's opening must have before its repetition marks a restart. */
const RESTART_PREFIX = 12

/**
 * A reply a stream cut broke off and the agent said again from the start ("…土曜が09:0診療時間は、…",
 * "…Wednesday 09:We are open…"): the broken-off part keeps its finished clauses and loses its
 * unfinished tail (a value cut short), then the full reply follows as a new sentence.
 */
function withoutRestartedFragment(text: string): string {
  if (text.length < RESTART_PREFIX * 2) return text
  const restart = text.indexOf(text.slice(0, RESTART_PREFIX), 1)
  if (restart < 0) return text
  const fragment = text.slice(0, restart)
  const boundary = Math.max(...['、', '。', ',', '.', '!', '?', '!', '?'].map((mark) => fragment.lastIndexOf(mark)))
  if (boundary < 0) return text.slice(restart)
  const kept = fragment.slice(0, boundary + 1).replace(/[、,]$/u, '')
  return `${kept}${/[。.!?]$/u.test(kept) ? '' : /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(kept) ? '。' : '.'} ${text.slice(restart)}`
}

const JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u

/** The lower-case English words of a text, each also without a plural "s" ("hours" → "hour"). */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>()
  for (const word of text.toLowerCase().match(/[a-z]+/gu) ?? []) {
    words.add(word)
    if (word.length > 3 && word.endsWith('s')) words.add(word.slice(0, -1))
  }
  return words
}

/** Fast pre-check: only texts with a letter word, a kanji numeral or a Japanese time word need the rules. */
const NEEDS_RULES = /[a-z]{2}|[〇零一二三四五六七八九十百千万億]|朝|夕|夜|晩|昼|半|翌|\d割|無料|無償|タダ|料金は|お金|ドル|セント|ユーロ|ポンド/iu

/**
 * The one normaliser of spoken forms, used by claim extraction and by the knowledge index
 * alike: NFKC folding (full-width digits, one dash), then number words ("eighty-five",
 * "five thousand", "a dozen"), kanji numerals (五千円, 三十分, 十時半), times in words and
 * parts of the day ("half past nine", "nine in the morning", "noon", 朝9時, 夕方6時, 正午),
 * fractions of units ("half an hour" = 30 minutes, "an hour and a half" = 90 minutes,
 * 1時間半, 半日), currency codes and slang (`JPY 5000`, "30 bucks") and "free of charge"
 * (a price of zero) are rewritten to the written forms the claim patterns read.
 *
 * @example
 * normalizeSpokenForms('We open at half past nine in the morning; a cleaning is five thousand yen.')
 * // 'We open at 9:30 am; a cleaning is 5000 yen.'
 */
export function normalizeSpokenForms(input: string): string {
  // Two sentences glued by a stream cut and its continuation ("Sakura DentalThank you", "Clinic.Thank you").
  let text = withoutRestartedFragment(foldText(input))
  if (MAY_BE_GLUED.test(text)) text = text.replace(GLUED_AFTER_NUMBER, '. ').replace(GLUED_SENTENCE, '$1. ').replace(GLUED_AFTER_STOP, '$1 ')
  if (!NEEDS_RULES.test(text)) return text
  // A rule runs only when one of its keys is in the text: English keys are words (singular or
  // plural), Japanese ones substrings.
  let words = wordsOf(text)
  const japanese = JAPANESE.test(text)
  for (const rule of SPOKEN_RULES) {
    if (!(rule.japanese ? japanese && rule.keys.some((key) => text.includes(key)) : rule.keys.some((key) => words.has(key)))) continue
    rule.pattern.lastIndex = 0
    const next = text.replace(rule.pattern, rule.replace as (match: string, ...groups: unknown[]) => string)
    if (next !== text) {
      text = next
      words = wordsOf(text)
    }
  }
  return text
}
