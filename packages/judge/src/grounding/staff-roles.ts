import type { ResolvedVocabulary } from './subject-terms.ts'
import { GENERAL_TERMS, resolveVocabulary, subjectTerms } from './subject-terms.ts'
import type { Vocabulary } from './validate-vocabulary.ts'

/**
 * General bilingual lexicon of what staff of service trades do or are (roles, specialties,
 * languages they serve customers in), so a Japanese reply's 院長 or 売却のご相談 meets English
 * knowledge's "director" or "buying and selling homes", and "surgeon" meets "surgery". Used only
 * to read what a person does (on the knowledge's side and the reply's alike); a business's own
 * trade words still belong in its knowledge base's `vocabulary` section.
 */
const STAFF_ROLES: Vocabulary = {
  director: ['director', 'head doctor', 'chief doctor', 'principal', '院長', '所長', '校長', '学院長'],
  manager: ['manager', 'store manager', 'branch manager', 'general manager', '店長', '支配人', 'マネージャー', '責任者', '支店長'],
  owner: ['owner', 'proprietor', 'founder', 'オーナー', '店主', '社長', '代表'],
  okami: ['okami', 'proprietress', 'landlady', '女将'],
  chef: ['chef', 'head chef', 'cook', '料理長', 'シェフ', '板長', '板前', '調理'],
  pharmacist: ['pharmacist', '薬剤師'],
  nurse: ['nurse', '看護師'],
  hygienist: ['hygienist', '衛生士'],
  stylist: ['stylist', 'hairdresser', 'hair stylist', '美容師', 'スタイリスト'],
  mechanic: ['mechanic', 'technician', '整備士', 'メカニック'],
  teacher: ['teacher', 'tutor', '講師', '教師'],
  surgery: ['surgery', 'surgeon', 'surgical', 'operation', 'operations', '手術', '外科'],
  english: ['english', 'english-speaking', '英語', '英会話'],
  chinese: ['chinese', 'mandarin', '中国語'],
  korean: ['korean', '韓国語'],
  japanese: ['japanese', 'japanese-speaking', '日本語'],
  estimate: ['estimate', 'estimates', 'quote', 'quotes', 'quotation', '見積', '見積もり', 'お見積もり'],
  sale: ['sale', 'sales', 'sell', 'selling', '売却', '販売', '売買'],
  purchase: ['purchase', 'buy', 'buying', '購入'],
  rent: ['rent', 'rental', 'rentals', 'renting', 'lease', 'leasing', '賃貸', '賃料', 'レンタル'],
  diabetes: ['diabetes', 'diabetic', '糖尿病'],
  asthma: ['asthma', 'inhaler', '喘息', 'ぜんそく'],
  allergy: ['allergy', 'allergies', 'アレルギー'],
  coloring: ['coloring', 'colouring', 'color', 'colour', 'colorist', 'colourist', 'カラー', 'ヘアカラー', 'カラーリスト'],
  perm: ['perm', 'perms', 'パーマ'],
  haircut: ['haircut', 'cut', 'cuts', 'カット'],
  massage: ['massage', 'マッサージ'],
  nail: ['nail', 'nails', 'manicure', 'manicurist', 'nail artist', 'ネイル', 'ネイリスト'],
  inspection: ['inspection', 'inspections', 'shaken', '車検', '点検'],
  repair: ['repair', 'repairs', '修理', '修繕'],
  bodywork: ['bodywork', 'body work', '板金', '塗装'],
  accounting: ['accounting', 'billing', 'accounts', '経理', '会計'],
  reception: ['reception', 'receptionist', 'front desk', '受付', 'フロント'],
  concierge: ['concierge', 'コンシェルジュ'],
  trainer: ['trainer', 'coach', 'instructor', 'トレーナー', 'コーチ', 'インストラクター'],
  doctor: ['doctor', 'physician', '医師', 'ドクター'],
  dentist: ['dentist', '歯科医', '歯科医師'],
  veterinarian: ['vet', 'veterinarian', '獣医', '獣医師'],
  therapist: ['therapist', 'physiotherapist', 'masseur', 'masseuse', 'セラピスト', '理学療法士', '整体師'],
  esthetician: ['esthetician', 'beautician', 'エステティシャン'],
  barber: ['barber', '理容師'],
  makeup: ['makeup', 'make-up', 'hair and makeup', 'メイク', 'ヘアメイク'],
  kimono: ['kimono dressing', 'kitsuke', '着付け', '着付'],
  baker: ['baker', 'pastry chef', 'patissier', 'パティシエ', 'パン職人'],
  server: ['server', 'waiter', 'waitress', 'hall staff', 'floor staff', 'ホールスタッフ', '接客'],
  counselor: ['counselor', 'counsellor', 'advisor', 'adviser', 'consultant', 'カウンセラー', 'アドバイザー', 'コンサルタント'],
  planner: ['planner', 'coordinator', 'プランナー', 'コーディネーター'],
  assistant: ['assistant', 'apprentice', 'アシスタント', '見習い'],
  sommelier: ['sommelier', 'ソムリエ', '利き酒師', '唎酒師'],
  bartender: ['bartender', 'barman', 'バーテンダー'],
  photographer: ['photographer', 'カメラマン', 'フォトグラファー', '写真家'],
  driver: ['driver', 'ドライバー', '運転手'],
  interpreter: ['interpreter', 'translator', '通訳', '翻訳'],
}

const STAFF_TERMS = resolveVocabulary(STAFF_ROLES)
const ROLE_NAMES = new Set(Object.keys(STAFF_ROLES))

/**
 * What a text says someone does: the subject terms the knowledge's vocabulary reads (and the
 * general vocabulary: a business's own term for a word does not hide the word), each
 * hyphenated term also as its parts ("english-speak" → english, speak), and the staff lexicon's
 * roles (`院長` → director, "surgeon" → surgery).
 *
 * @example
 * roleTerms('英語対応は中村が担当しております', vocabulary) // has 'english'
 */
export function roleTerms(text: string, vocabulary: ResolvedVocabulary): Set<string> {
  const terms = subjectTerms(text, vocabulary)
  // A business's vocabulary may file a word under its own term (proprietress → okami): the word as the
  // general vocabulary reads it is kept too, so "proprietor" still meets "proprietress".
  if (vocabulary !== GENERAL_TERMS) for (const term of subjectTerms(text, GENERAL_TERMS)) terms.add(term)
  for (const term of [...terms]) if (term.includes('-')) for (const part of term.split('-')) if (part.length > 2) terms.add(part)
  for (const term of subjectTerms(text, STAFF_TERMS)) if (ROLE_NAMES.has(term)) terms.add(term)
  return terms
}

/** Whether a text names one of the lexicon's roles (a person's job, specialty or language: "head mechanic", 店長, "rentals"). */
export function namesStaffRole(text: string): boolean {
  for (const term of subjectTerms(text, STAFF_TERMS)) if (ROLE_NAMES.has(term)) return true
  return false
}

/** Whether two role terms mean the same: equal, or one is the other with an ending ("teach" / "teacher", "proprietor" / "proprietress"). */
export function rolesMeet(left: string, right: string): boolean {
  if (left === right) return true
  const shorter = Math.min(left.length, right.length)
  if (shorter < 4 || /[^a-z]/u.test(left) || /[^a-z]/u.test(right)) return false
  let shared = 0
  while (shared < shorter && left[shared] === right[shared]) shared += 1
  return shared >= Math.max(4, Math.ceil(shorter * 0.7))
}

/** How many of `roles` some term of `own` meets. */
export function rolesShared(own: ReadonlySet<string>, roles: ReadonlySet<string>): number {
  let count = 0
  for (const role of roles) {
    if (own.has(role)) count += 1
    else for (const term of own) if (rolesMeet(term, role)) {
      count += 1
      break
    }
  }
  return count
}
