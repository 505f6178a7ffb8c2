import type { Vocabulary } from './validate-vocabulary.ts'

/**
 * Built-in bilingual words of service trades (hotels, restaurants and cafés, shops and
 * bakeries, clinics and vets, gyms and studios, salons, property agents) and the policies most of
 * them state (payment, access, allergies, bringing your own): each canonical term
 * with the English and Japanese words callers and agents use for it, so a Japanese reply meets
 * English knowledge (ツイン → twin, 朝食 → breakfast) without a `vocabulary` section. A
 * business's own trade words still belong in its knowledge base's `vocabulary` section.
 */
export const SERVICE_VOCABULARY: Vocabulary = {
  // Lodging
  room: ['room', 'rooms', '部屋', '客室', 'ルーム'],
  single: ['single', 'シングル'],
  double: ['double', 'ダブル'],
  twin: ['twin', 'ツイン'],
  suite: ['suite', 'スイート'],
  family: ['family', 'ファミリー'],
  'check-in': ['check-in', 'check in', 'checkin', 'チェックイン'],
  'check-out': ['check-out', 'check out', 'checkout', 'チェックアウト'],
  night: ['night', 'nights', 'overnight', '泊', '宿泊'],
  breakfast: ['breakfast', '朝食', '朝ごはん', 'モーニング'],
  dinner: ['dinner', 'supper', '夕食', 'ディナー', '夕飯'],
  restaurant: ['restaurant', 'dining', 'レストラン', '食堂'],
  'front desk': ['front desk', 'reception', 'receptionist', 'フロント', '受付'],
  luggage: ['luggage', 'baggage', 'bags', '荷物', '手荷物'],
  shuttle: ['shuttle', 'pickup', 'pick-up', '送迎'],
  airport: ['airport', '空港'],
  wifi: ['wifi', 'wi-fi', 'wireless', 'internet', 'ワイファイ', 'インターネット'],
  concierge: ['concierge', 'コンシェルジュ'],
  guest: ['guest', 'guests', 'people', 'persons', 'person', '名様', '人数', 'お客様'],
  // Food and shops
  bread: ['bread', 'loaf', 'loaves', 'パン', '食パン'],
  cake: ['cake', 'cakes', 'ケーキ'],
  coffee: ['coffee', 'latte', 'espresso', 'コーヒー', 'カフェラテ'],
  order: ['order', 'orders', 'pre-order', 'preorder', '注文', '予約注文'],
  delivery: ['delivery', 'deliver', 'delivers', '配達', 'デリバリー', '配送'],
  takeout: ['takeout', 'take-out', 'to go', 'テイクアウト', '持ち帰り'],
  vegan: ['vegan', 'ヴィーガン', 'ビーガン'],
  gluten: ['gluten', 'gluten-free', 'グルテン'],
  dozen: ['dozen', 'ダース'],
  piece: ['piece', 'pieces', 'each', '個'],
  // Clinics and vets
  consultation: ['consultation', 'visit', 'exam', 'examination', '診察', '初診', '再診', '受診'],
  vaccine: ['vaccine', 'vaccines', 'vaccination', 'vaccinations', 'shot', 'shots', 'ワクチン', '予防接種'],
  surgery: ['surgery', 'operation', 'operations', '手術'],
  spay: ['spay', 'spaying', '避妊'],
  neuter: ['neuter', 'neutering', 'castration', '去勢'],
  boarding: ['boarding', 'board', 'pet hotel', 'ペットホテル', '預かり', 'お預かり'],
  dog: ['dog', 'dogs', 'puppy', '犬', 'わんちゃん', '小型犬', '子犬'],
  cat: ['cat', 'cats', 'kitten', '猫', 'ねこ', '猫ちゃん', '子猫'],
  rabbit: ['rabbit', 'rabbits', 'bunny', 'うさぎ', 'ウサギ'],
  ferret: ['ferret', 'ferrets', 'フェレット'],
  bird: ['bird', 'birds', 'parakeet', '鳥', 'インコ'],
  snake: ['snake', 'snakes', 'ヘビ', '蛇'],
  reptile: ['reptile', 'reptiles', 'lizard', '爬虫類', 'トカゲ'],
  emergency: ['emergency', 'urgent', '救急', '緊急', '夜間'],
  doctor: ['doctor', 'dr', 'vet', 'veterinarian', '先生', '獣医', '医師'],
  // Gyms, studios, salons
  membership: ['membership', 'member', 'members', 'plan', '会員', '会費', 'メンバーシップ'],
  trial: ['trial', 'trial session', '体験', 'お試し'],
  trainer: ['trainer', 'coach', 'instructor', 'トレーナー', 'コーチ', 'インストラクター'],
  personal: ['personal', 'パーソナル'],
  training: ['training', 'workout', 'トレーニング'],
  class: ['class', 'classes', 'lesson', 'lessons', 'クラス', 'レッスン'],
  yoga: ['yoga', 'ヨガ'],
  pilates: ['pilates', 'ピラティス'],
  boxing: ['boxing', 'ボクシング'],
  pool: ['pool', 'swimming', 'プール'],
  sauna: ['sauna', 'サウナ'],
  shower: ['shower', 'showers', 'シャワー'],
  locker: ['locker', 'lockers', 'ロッカー'],
  towel: ['towel', 'towels', 'タオル'],
  student: ['student', 'students', '学生'],
  enrollment: ['enrollment', 'enrolment', 'joining fee', 'sign-up fee', 'registration', '入会金', '登録料'],
  haircut: ['haircut', 'cut', 'カット'],
  // Property agents
  rent: ['rent', 'rental', 'monthly rent', '家賃', '賃料'],
  deposit: ['deposit', 'security deposit', '敷金', 'デポジット'],
  'key money': ['key money', '礼金'],
  management: ['management', 'maintenance', '管理費', '共益費'],
  viewing: ['viewing', 'viewings', 'tour', '内見', '内覧'],
  apartment: ['apartment', 'flat', 'unit', 'property', '物件', 'アパート', 'マンション'],
  studio: ['studio', 'ワンルーム', 'スタジオ'],
  // Payment: a cheque is its own subject ("no checks" beside "cash and cards"), in both languages (plural "checks": see statementTerms)
  cheque: ['cheque', 'cheques', 'personal check', 'personal checks', '小切手'],
  // Common to all
  online: ['online', 'video call', 'オンライン', 'ビデオ通話'],
  month: ['monthly', 'per month', '月額', '月々'],
  discount: ['discount', 'discounts', 'off', '割引'],
  refund: ['refund', 'refunds', 'refundable', '返金'],
  floor: ['floor', '階'],
  terrace: ['terrace', 'テラス'],
  // Policies most trades state, in both languages: how to pay, who may come, what may be brought.
  // Words of more than one sense ("buffet", "course", "point", "lift") are left out.
  debit: ['debit', 'debit card', 'debit cards', 'デビット', 'デビットカード'],
  'e-money': ['e-money', 'electronic money', '電子マネー'],
  'bank transfer': ['bank transfer', 'wire transfer', '銀行振込', '振込', '振り込み'],
  receipt: ['receipt', 'receipts', '領収書', 'レシート'],
  wheelchair: ['wheelchair', 'wheelchairs', '車椅子', '車いす'],
  accessible: ['accessible', 'barrier-free', 'step-free', 'バリアフリー'],
  elevator: ['elevator', 'エレベーター'],
  toilet: ['toilet', 'restroom', 'トイレ', 'お手洗い'],
  allergy: ['allergy', 'allergies', 'allergen', 'アレルギー'],
  vegetarian: ['vegetarian', 'ベジタリアン', '菜食'],
  halal: ['halal', 'ハラール'],
  'bring your own': ['bring your own', 'byo', 'corkage', '持ち込み', '持込'],
  senior: ['senior', 'seniors', 'elderly', 'シニア', '高齢者'],
}

/**
 * Narrower terms and the broader term a rule about them usually states: "Can I bring my dog?"
 * against knowledge that only says "No pets". A statement's term the knowledge never uses is
 * read as its broader term when the knowledge uses that one (a vet's knowledge that names dogs
 * keeps "dog").
 */
export const BROADER_TERMS: Readonly<Record<string, string>> = {
  dog: 'pet',
  cat: 'pet',
  rabbit: 'pet',
  ferret: 'pet',
  hamster: 'pet',
  bird: 'pet',
  snake: 'pet',
  reptile: 'pet',
}

