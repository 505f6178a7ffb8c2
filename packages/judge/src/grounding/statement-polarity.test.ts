import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { statementPolarity } from './statement-polarity.ts'

/** [pair, affirmed, denied] in English and Japanese. */
const PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['offered / not offered', 'We offer teeth whitening.', 'We do not offer teeth whitening.'],
  ['accepted / not accepted', 'Credit cards are accepted.', "Checks aren't accepted."],
  ['covered / not covered', 'Cleaning is covered by insurance.', 'Whitening is not covered by insurance.'],
  ['open / closed', 'The pool is open on holidays.', 'The pool is closed on holidays.'],
  ['available / not available', 'Parking is available.', 'Parking is unavailable.'],
  ['allowed / not allowed', 'Pets are welcome.', 'No pets.'],
  ['required / not required', 'A reservation is required.', 'No reservation needed.'],
  ['ません', '土曜日も診療しています。', '土曜日は診療していません。'],
  ['できません', 'カードでお支払いいただけます。', 'カードはご利用できません。'],
  ['不可', 'ペット同伴可。', 'ペット同伴不可。'],
  ['対象外', 'クリーニングは保険の対象です。', 'ホワイトニングは保険の対象外です。'],
  ['ございません', '駐車場がございます。', '駐車場はございません。'],
  ['a day off denied / a closing day (EN)', "We don't have a closing day; we're open all week.", 'Tuesday is our closing day.'],
  ['a day off denied / a closing day (JA)', '定休日はございません。', '火曜日は定休日です。'],
  ['お控えください (please refrain)', '店内でのご飲食はご自由にどうぞ。', '店内でのご飲食はお控えください。'],
  ['ダメ / 駄目 (casual: not allowed)', 'ワンちゃんもOKですよ。', 'ワンちゃんはダメなんです。'],
  ['無い in kanji', 'Wi-Fiが有ります。', 'Wi-Fiは無いんです。'],
]

describe('statementPolarity', () => {
  it.each(PAIRS)('%s', (_pair, affirmed, denied) => {
    expect(statementPolarity(affirmed)).toBe('positive')
    expect(statementPolarity(denied)).toBe('negative')
  })

  it('a negated verb of stopping or failing affirms (litotes: "never stop growing" is "keep growing")', () => {
    expect(statementPolarity('Their claws never stop growing.')).toBe('positive')
    expect(statementPolarity("The spring doesn't cease flowing in summer.")).toBe('positive')
    expect(statementPolarity('Their claws do not grow back.')).toBe('negative')
  })

  it('the verbs ban, prohibit and forbid deny what they govern', () => {
    expect(statementPolarity('Most campsites ban open fires.')).toBe('negative')
    expect(statementPolarity('The museum forbids flash photography.')).toBe('negative')
    expect(statementPolarity('The museum welcomes photography.')).toBe('positive')
  })

  it('adverbs of approximate negation deny ("barely", "hardly", "rarely"); "isn\'t just" does not', () => {
    expect(statementPolarity('Kestrels barely move their wings when they hover.')).toBe('negative')
    expect(statementPolarity('It rarely snows in the valley.')).toBe('negative')
    expect(statementPolarity("The crest isn't just for show.")).toBe('positive')
    expect(statementPolarity("The lounge doesn't only serve coffee.")).toBe('positive')
  })

  it('does not read "no problem", "not only" or a request as a denial', () => {
    expect(statementPolarity('No problem, we accept cards.')).toBe('positive')
    expect(statementPolarity('We accept not only cards but also cash.')).toBe('positive')
    expect(statementPolarity('お忘れにならないでください。')).toBe('positive')
  })
})

describe('a statement is checked against the polarity of the line it is about (free-text knowledge)', () => {
  const gym = 'Pets are not allowed.\nWe accept credit cards and cash; checks are not accepted.\nTowels are provided for members.\nペットの同伴はできません。\n駐車場はございません。'
  const status = (response: string) => checkGrounding({ knowledge: gym, response }).claims.filter((claim) => claim.type === 'statement').map((claim) => `${claim.status} ${claim.evidence?.path ?? ''}`)

  it('the same polarity supports, the opposite contradicts with that line as evidence (English)', () => {
    expect(status("Sorry, pets aren't allowed.")).toEqual(['supported text[0]'])
    expect(status('Pets are welcome!')).toEqual(['contradicted text[0]'])
    expect(status('Checks are accepted.')).toEqual(['contradicted text[1]'])
    expect(status('Towels are not provided.')).toEqual(['contradicted text[2]'])
  })

  it('the same in Japanese (できません, ございません)', () => {
    // The English and the Japanese line say the same: either is the evidence.
    expect(status('申し訳ございませんが、ペットの同伴はできません。')).toEqual([expect.stringMatching(/^supported text\[[03]\]$/u)])
    expect(status('ペットの同伴も可能です。')).toEqual([expect.stringMatching(/^contradicted text\[[03]\]$/u)])
    expect(status('駐車場がございます。')).toEqual(['contradicted text[4]'])
  })

  it('abstains when entries as close to the statement say opposite things', () => {
    const insurance = 'Whitening is not covered by insurance.\nNational health insurance: accepted.'
    expect(checkGrounding({ knowledge: insurance, response: '国民健康保険がご利用いただけます。' }).claims).toEqual([expect.objectContaining({ status: 'unsettled' })])
    expect(checkGrounding({ knowledge: insurance, response: 'Whitening is covered by insurance.' }).claims).toEqual([expect.objectContaining({ status: 'contradicted', evidence: expect.objectContaining({ path: 'text[0]' }) })])
  })

  it('"free" against a fee is a price contradiction', () => {
    const result = checkGrounding({ knowledge: 'Parking: ¥500 per hour.\n駐車場：1時間500円', response: 'Parking is free.' })
    expect(result.claims).toEqual([expect.objectContaining({ type: 'price', status: 'contradicted', evidence: expect.objectContaining({ path: 'text[0]' }) })])
    expect(checkGrounding({ knowledge: 'Parking: ¥500 per hour.\n駐車場：1時間500円', response: '駐車場は無料です。' }).hallucinated).toBe(true)
  })
})
