/**
 * Builds the judge's compact Japanese → English lexicon from EDICT (Debian package `edict`,
 * EDRDG, CC BY-SA 4.0): packages/judge/src/grounding/japanese-lexicon.tsv. See
 * docs/decisions/014-japanese-english-lexicon-from-edict.md for what is kept and why.
 *
 *   node scripts/build-japanese-lexicon.ts [EDICT_FILE] [--check]
 *
 * EDICT_FILE defaults to /usr/share/edict/edict (EUC-JP). --check writes nothing and exits 1
 * when the shipped file differs from what the source gives.
 */
import { readFileSync, writeFileSync } from 'node:fs'

const OUTPUT = new URL('../packages/judge/src/grounding/japanese-lexicon.tsv', import.meta.url)
const DEFAULT_SOURCE = '/usr/share/edict/edict'

/** Parts of speech kept: nouns and words used as nouns (what a subject is named by), na- and no-adjectives. */
const KEPT_POS = new Set(['n', 'n-suf', 'n-pref', 'vs', 'adj-no', 'adj-na', 'adj-f', 'pn', 'abbr'])
/** Temporal and adverbial nouns (午前, 以内, 全部) say when or how much, not what: left out like counted words (一回, 二人). */
const DROPPED_POS = new Set(['n-adv', 'n-t', 'ctr', 'num'])
const COUNTED = /^[一二三四五六七八九十百千万両数何半毎各全]/u
/** Entries marked so are not how a phone agent speaks. */
const DROPPED_TAGS = new Set(['arch', 'obs', 'obsc', 'rare', 'vulg', 'X', 'sens', 'derog', 'sl', 'male-sl', 'oK', 'ok', 'io', 'uk', 'yoji', 'proverb', 'id', 'Buddh', 'Shinto', 'math', 'physics', 'chem', 'astron', 'biol', 'bot', 'zool', 'geol', 'ling', 'sumo', 'baseb', 'mahj', 'shogi', 'MA', 'poet', 'gikun'])
const FUNCTION_WORDS = new Set(
  'a an the of to for by in on at with and or as from into one one\'s someone something etc e g i.e esp usu lit fig it its that this be being is'.split(' '),
)
/** Glosses with more content words than this (or two more words in all) are explanations ("set of dishes served on an individual tray …"), not names. */
const MAX_GLOSS_WORDS = 3
const MAX_SENSES = 1
const MAX_WORDS = 4
/** Kanji compounds of two to four characters (with okurigana up to five), katakana words up to eight: longer ones are split into these. */
const WORD = /^(?:[\p{sc=Han}々ヶ]{2,4}|(?=.{2,5}$)\p{sc=Han}[\p{sc=Han}\p{sc=Hiragana}々]+|[\p{sc=Katakana}ー]{2,8})$/u
/**
 * One kanji standing as a noun of its own (猫 cat, 席 seat, 車 car): only readings EDICT marks
 * common (P) and only their first sense, since a lone kanji has many readings (店: たな "merchant's
 * home" is not common, みせ "shop" is). The judge reads one only where no longer word covers it.
 */
const ONE_KANJI = /^\p{sc=Han}$/u

interface Sense { pos: string[]; tags: string[]; glosses: string[] }

/** One EDICT line: `KANJI [KANA] /(n) (1) gloss/gloss/(n) (2) gloss/(P)/`. */
function parseLine(line: string): { headword: string; senses: Sense[] } | undefined {
  const match = /^(\S+)(?: \[[^\]]*\])? \/(.*)\/$/u.exec(line)
  if (!match) return undefined
  const senses: Sense[] = []
  for (const field of (match[2] as string).split('/')) {
    if (field === '' || field === '(P)' || field.startsWith('EntL')) continue
    let rest = field
    const tags: string[] = []
    let newSense = senses.length === 0
    for (let tag = /^\(([^)]*)\)\s*/u.exec(rest); tag !== null; tag = /^\(([^)]*)\)\s*/u.exec(rest)) {
      const inside = tag[1] as string
      if (/^\d+$/u.test(inside)) newSense = true
      else tags.push(...inside.split(','))
      rest = rest.slice(tag[0].length)
    }
    if (newSense || tags.some((tag) => KEPT_POS.has(tag) || /^(?:v|adj-i|exp|int|conj|prt|aux|ctr|adv|pref|suf)/u.test(tag))) {
      if (newSense || senses.length === 0) senses.push({ pos: [], tags: [], glosses: [] })
    }
    const sense = senses.at(-1) as Sense
    for (const tag of tags) (KEPT_POS.has(tag) || /^(?:v|adj-i|exp|int|conj|prt|aux|ctr|adv|pref|suf)/u.test(tag) ? sense.pos : sense.tags).push(tag)
    sense.glosses.push(rest)
  }
  return { headword: match[1] as string, senses }
}

function glossWords(gloss: string): string[] {
  const plain = gloss.replace(/\([^)]*\)/gu, ' ').replace(/^to /u, '').toLowerCase().trim()
  const words = plain.split(/[^a-z']+/u).filter((word) => word.length > 0)
  const content = words.filter((word) => !FUNCTION_WORDS.has(word) && word.length > 1)
  return words.length > MAX_GLOSS_WORDS + 2 || content.length > MAX_GLOSS_WORDS ? [] : content
}

export function buildLexicon(source: string): string {
  const text = new TextDecoder('euc-jp').decode(readFileSync(source))
  const lexicon = new Map<string, string[][]>()
  for (const line of text.split('\n')) {
    const entry = parseLine(line)
    if (!entry || COUNTED.test(entry.headword)) continue
    if (!WORD.test(entry.headword) && !(ONE_KANJI.test(entry.headword) && line.endsWith('/(P)/'))) continue
    const kept = entry.senses.slice(0, MAX_SENSES).filter((sense) => sense.pos.some((pos) => KEPT_POS.has(pos)) && !sense.pos.some((pos) => DROPPED_POS.has(pos)) && !sense.tags.some((tag) => DROPPED_TAGS.has(tag)))
    const glosses = lexicon.get(entry.headword) ?? []
    let count = glosses.reduce((sum, gloss) => sum + gloss.length, 0)
    for (const sense of kept) {
      for (const gloss of sense.glosses) {
        const words = glossWords(gloss).filter((word) => !glosses.some((known) => known.includes(word)))
        if (words.length === 0 || count + words.length > MAX_WORDS) continue
        glosses.push(words)
        count += words.length
      }
    }
    if (glosses.length > 0) lexicon.set(entry.headword, glosses)
  }
  const lines = [...lexicon].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([headword, glosses]) => `${headword}\t${glosses.map((words) => words.join(' ')).join('/')}`)
  return [
    '# Generated by scripts/build-japanese-lexicon.ts from EDICT (do not edit by hand; see docs/decisions/014-japanese-english-lexicon-from-edict.md).',
    '# EDICT: Copyright Electronic Dictionary Research and Development Group (EDRDG), https://www.edrdg.org/,',
    '# licensed under Creative Commons Attribution-ShareAlike 4.0; this derived lexicon is under the same licence.',
    '# Each line: a Japanese word (kanji, kana, or one common kanji), a tab, the glosses of its first sense (separated by /, words by spaces).',
    ...lines,
    '',
  ].join('\n')
}

const args = process.argv.slice(2)
const source = args.find((arg) => !arg.startsWith('--')) ?? DEFAULT_SOURCE
const built = buildLexicon(source)
if (args.includes('--check')) {
  const shipped = readFileSync(OUTPUT, 'utf8')
  if (shipped !== built) {
    console.error(`${OUTPUT.pathname} differs from what ${source} gives: run node scripts/build-japanese-lexicon.ts`)
    process.exit(1)
  }
} else {
  writeFileSync(OUTPUT, built)
  console.log(`${OUTPUT.pathname}: ${built.split('\n').length} lines, ${built.length} characters`)
}
