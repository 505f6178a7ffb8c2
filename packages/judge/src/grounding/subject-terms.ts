import { normalizeText, stemWord } from '../internal/normalize-text.ts'

/**
 * Bilingual vocabulary of common business subjects: each English word or Japanese term on
 * the right maps to the canonical term on the left, so a reply's "料金" and a fact path's
 * "prices_yen" meet as "price". Words not listed stand for themselves (stemmed).
 */
const LEXICON: Record<string, string[]> = {
  price: ['price', 'prices', 'cost', 'costs', 'fee', 'fees', 'charge', 'charges', '料金', '値段', '価格', '費用', 'いくら', '円'],
  hours: ['hours', 'open', 'opening', 'close', 'closing', 'closes', 'opens', 'time', '営業', '診療時間', '営業時間', '開い', '閉ま', '何時'],
  sunday: ['sunday', '日曜'],
  monday: ['monday', '月曜'],
  tuesday: ['tuesday', '火曜'],
  wednesday: ['wednesday', '水曜'],
  thursday: ['thursday', '木曜'],
  friday: ['friday', '金曜'],
  saturday: ['saturday', '土曜'],
  holiday: ['holiday', 'holidays', '祝日', '祝'],
  lunch: ['lunch', '昼休み', 'お昼', '昼'],
  break: ['break', '休憩'],
  phone: ['phone', 'telephone', 'number', 'call', '電話', '番号'],
  address: ['address', 'located', 'location', 'where', '住所', '所在地', '場所'],
  access: ['access', 'foot', 'walk', 'walking', 'station', 'exit', '徒歩', '駅', 'アクセス', '出口'],
  name: ['name', 'called', '名前', '名称'],
  cancellation: ['cancellation', 'cancel', 'cancellations', 'cancelling', 'canceling', 'キャンセル', '取り消し'],
  notice: ['notice', 'before', 'advance', '前', '前日'],
  late: ['late', '直前', '当日'],
  appointment: ['appointment', 'appointments', 'booking', 'book', 'reservation', '予約'],
  slot: ['slot', 'slots', 'session', '枠'],
  checkup: ['checkup', 'check-up', 'examination', 'exam', '検診', '健診', '定期検診', '診察'],
  cleaning: ['cleaning', 'clean', 'scaling', 'クリーニング', '歯石', '清掃'],
  whitening: ['whitening', 'ホワイトニング'],
  filling: ['filling', 'fillings', '詰め物'],
  crown: ['crown', 'crowns', '被せ物', 'クラウン'],
  director: ['director', 'head', '院長'],
  dentist: ['dentist', 'doctor', '歯科医', '医師', 'ドクター'],
  hygienist: ['hygienist', '衛生士'],
  staff: ['staff', 'team', 'スタッフ'],
  insurance: ['insurance', 'insured', 'covered', 'coverage', '保険'],
  parking: ['parking', 'park', 'car', '駐車'],
  children: ['children', 'child', 'kids', 'kid', 'お子様', '子供', '子ども'],
  age: ['age', 'old', '歳', '才'],
}

const CANONICAL = new Map<string, string>()
const JAPANESE_TERMS: Array<[string, string]> = []
for (const [canonical, words] of Object.entries(LEXICON)) {
  for (const word of words) {
    if (/^[a-z-]+$/u.test(word)) CANONICAL.set(stemWord(word), canonical)
    else JAPANESE_TERMS.push([word, canonical])
  }
}

/** Words too generic or too unit-like to say what a claim is about. */
const NOT_SUBJECTS = new Set(
  'yen jpy usd dollar minute day week month year am pm we our you your us it is are be a an the and or but to of in on at for from with by as that this there here can will would just also about around than less more per each every only then what which how much many'.split(' '),
)

/** Canonical subject terms found in a piece of text (English words and Japanese terms). */
export function subjectTerms(text: string, extraAliases?: ReadonlyMap<string, string>): Set<string> {
  const normalized = normalizeText(text)
  const terms = new Set<string>()
  for (const word of normalized.match(/[a-z][a-z'-]*/gu) ?? []) {
    const stem = stemWord(word.replace(/'s$/u, ''))
    if (NOT_SUBJECTS.has(stem) || NOT_SUBJECTS.has(word) || stem.length < 3) continue
    terms.add(extraAliases?.get(stem) ?? CANONICAL.get(stem) ?? stem)
  }
  for (const [term, canonical] of JAPANESE_TERMS) if (normalized.includes(term)) terms.add(canonical)
  if (extraAliases) for (const [alias, canonical] of extraAliases) if (!/^[a-z]/u.test(alias) && normalized.includes(alias)) terms.add(canonical)
  return terms
}

/** Canonical subject terms of a fact path segment such as `cancellation_notice_hours` (unit suffixes dropped). */
export function keyTerms(key: string): Set<string> {
  const parts = key.toLowerCase().split(/[_\-\s.]+/u).filter(Boolean)
  while (parts.length > 1 && /^(?:yen|jpy|usd|minutes?|hours?|days?|weeks?|percent|count)$/u.test(parts.at(-1) ?? '')) parts.pop()
  return subjectTerms(parts.join(' '))
}
