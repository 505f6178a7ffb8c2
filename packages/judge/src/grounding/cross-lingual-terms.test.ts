import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { crossLingualReader } from './cross-lingual-terms.ts'

/** A fictional laundromat and bike shop, English fact sheet with one Japanese line, written for these tests. */
const laundry = [
  'Suds & Spokes Laundromat, Fukuoka',
  'Wash and fold service: ¥1,200 per bag',
  'Dry cleaning of a suit: ¥1,800',
  'Lockers free for the day; monthly locker rental ¥1,500',
  'Bicycle repair (puncture): ¥900',
  'Ironing of a shirt: ¥250',
  'Packing service for moving out: ¥6,000',
  'No pets inside / 店内ペット不可',
].join('\n')
const check = (response: string, context = '') => checkGrounding({ knowledge: laundry, context, response })
const statusOf = (response: string, context = '') => check(response, context).claims.map((claim) => `${claim.status} ${claim.evidence?.value ?? ''}`)

describe('Japanese replies against English free-text knowledge', () => {
  it('a kanji word meets the English word the lexicon gives it (月極め → monthly, 自転車の修理 → bicycle repair)', () => {
    expect(check('月極めのロッカーは月1,500円でございます。').hallucinated).toBe(false)
    expect(statusOf('月極めロッカーは1,800円です。')).toEqual(['contradicted Lockers free for the day; monthly locker rental ¥1,500'])
    expect(check('自転車のパンク修理は900円です。').hallucinated).toBe(false)
    expect(statusOf('自転車のパンク修理は250円だよ。')[0]).toMatch(/^contradicted Bicycle repair/u)
  })

  it('a katakana loanword meets the English word it transcribes (パッキング ~ packing, アイロン ~ ironing)', () => {
    expect(check('お引っ越しのパッキングサービスは6千円です。').hallucinated).toBe(false)
    expect(statusOf('パッキングサービスは1,200円になります。')[0]).toMatch(/^contradicted Packing service/u)
    expect(check('シャツのアイロンがけは一枚250円です。').hallucinated).toBe(false)
  })

  it('a value said about another item of the same kind is contradicted, in keigo and in casual speech alike', () => {
    expect(statusOf('スーツのドライクリーニングは1,200円でございます。')[0]).toMatch(/^contradicted Dry cleaning/u)
    expect(statusOf('スーツのドライクリーニングなら1,800円だよ。')[0]).toMatch(/^supported Dry cleaning/u)
  })
})

describe('words the vocabulary reads only in part', () => {
  /** A fictional tea room, written for this test: English lines the reply's Japanese words translate to. */
  const teaRoom = ['Tea Room Kasumi, Nara', 'Private room available for ¥2,200 extra', 'No parking; coin parking nearby', 'Matcha set ¥1,100'].join('\n')

  it('a one-kanji term heading a compound does not keep the word from its gloss (個室 is a private room, not a 個 "piece")', () => {
    expect(checkGrounding({ knowledge: teaRoom, context: '個室はありますか', response: 'はい、個室もございます。' }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge: teaRoom, context: '個室はありますか', response: '個室は3,300円の追加料金でご利用いただけます。' }).claims[0]?.status).toBe('contradicted')
  })

  it('a katakana compound with a part the vocabulary lacks is also translated (コインパーキング: coin + parking)', () => {
    expect(checkGrounding({ knowledge: teaRoom, context: '駐車場はありますか', response: '駐車場はございませんが、近くにコインパーキングがございます。' }).hallucinated).toBe(false)
  })
})

describe('a common one-kanji noun standing alone', () => {
  it('meets the English word of the knowledge (席 seat, 車 car)', () => {
    const bar = ['Bar Hotaru, Sapporo', 'All seats non-smoking; smoking area by the entrance', 'No parking for cars; bicycle parking free', 'Highball ¥500']
    const flagged = (response: string, context: string) => checkGrounding({ knowledge: bar.join('\n'), context, response }).hallucinated
    expect(flagged('はい、お席でもおタバコをお吸いいただけます。', 'タバコは吸えますか')).toBe(true)
    expect(flagged('はい、入口の喫煙所でお吸いいただけます。', 'タバコは吸えますか')).toBe(false)
  })
})

describe('crossLingualReader', () => {
  const reader = crossLingualReader(['locker', 'rental', 'health', 'check', 'malasadas'], (word) => word.replace(/s$/u, ''), () => false)

  it('gives only the senses the knowledge uses (ロッカー: locker, not rocker)', () => {
    expect(reader('ロッカー')).toEqual(['locker'])
  })

  it('gives nothing for a word whose glosses the knowledge does not use (健康診断 "physical examination" is not "health check")', () => {
    expect(reader('健康診断')).toEqual([])
  })

  it('reads a katakana word the lexicon lacks by its sound (マラサダ ~ malasadas)', () => {
    expect(reader('マラサダ')).toEqual(['malasada'])
  })

  it('meets a hyphenated knowledge word with a gloss of two words (チューンアップ "tune up" ~ tune-up)', () => {
    const bikes = crossLingualReader(['tune-up', 'brake'], (word) => word, () => false)
    expect(bikes('チューンアップ')).toEqual(['tune-up'])
  })

  it('meets a knowledge word of the same family when no gloss meets one exactly (保証 "guarantee" ~ guarantor; not ペット ~ petrol)', () => {
    const lease = crossLingualReader(['guarantor', 'inspection'], (word) => word, () => false)
    expect(lease('保証')).toEqual(['guarantor'])
    expect(lease('点検')).toEqual(['inspection'])
    expect(crossLingualReader(['petrol'], (word) => word, () => false)('ペット')).toEqual([])
  })

  it('leaves a word to the vocabulary when the vocabulary reads it', () => {
    const owned = crossLingualReader(['locker'], (word) => word, (word) => word === 'ロッカー')
    expect(owned('ロッカー')).toEqual([])
  })
})
