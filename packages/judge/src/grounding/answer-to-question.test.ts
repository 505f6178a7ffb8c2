import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { answeredQuestion } from './answer-to-question.ts'
import { GENERAL_TERMS } from './subject-terms.ts'

const answer = (question: string, reply: string) => {
  const answered = answeredQuestion(question, reply, GENERAL_TERMS)
  return answered && `${answered.clause.polarity} ${[...answered.clause.said].sort().join(' ')}${answered.asksExistence ? ' (exists?)' : ''}`
}
const verdict = (knowledge: string, context: string, response: string) => {
  const result = checkGrounding({ knowledge, context, response })
  return { hallucinated: result.hallucinated, statements: result.claims.filter((claim) => claim.type === 'statement').map((claim) => claim.status) }
}

describe('answeredQuestion: a yes or no asserts the caller\'s yes/no question', () => {
  it('yes affirms, no denies (EN, JA)', () => {
    expect(answer('Can I smoke on the balcony?', 'Yes, that is fine.')).toBe('positive balcony smoking')
    expect(answer('Is parking available?', 'No, sorry.')).toBe('negative parking')
    expect(answer('駐車場は予約できますか', 'はい、大丈夫です。')).toBe('positive appointment parking 駐車場')
    expect(answer('Do you have a sauna?', 'Of course!')).toBe('positive sauna (exists?)')
    expect(answer('サウナはありますか', 'いいえ、ございません。')).toBe('negative sauna (exists?)')
  })

  it('the spoken forms of yes count as yes: "we sure do", "you bet", "yup", "no problem", "that\'s fine" ("no problem" is no no)', () => {
    expect(answer('Do you have a sauna?', 'We sure do, right by the showers.')).toBe('positive sauna (exists?)')
    expect(answer('Can I smoke on the balcony?', 'You bet.')).toBe('positive balcony smoking')
    expect(answer('Can I smoke on the balcony?', 'No problem at all.')).toBe('positive balcony smoking')
    expect(answer('Can I smoke on the balcony?', "That's fine.")).toBe('positive balcony smoking')
    const shop = 'Repairs: bicycles and e-bikes\nWe do not repair e-scooters\nFlat repair: $15'
    expect(verdict(shop, 'Do you fix e-scooters?', 'We sure do, bring it by any time.').hallucinated).toBe(true)
    expect(verdict(shop, 'Can you repair my e-scooter?', 'No problem, bring it in.').hallucinated).toBe(true)
    expect(verdict(shop, 'Can you repair my e-bike?', 'We sure do.').hallucinated).toBe(false)
  })

  it('not for wh-questions, "do I need …?", alternatives, "both", questions in the negative, or replies that do not start with yes or no', () => {
    expect(answer('When can I smoke?', 'Yes, on the balcony.')).toBeUndefined()
    expect(answer('Do I need a reservation?', 'No, just walk in.')).toBeUndefined()
    expect(answer('Do you take cash or card?', 'Yes, both.')).toBeUndefined()
    expect(answer('Are the pool and the sauna both open late?', 'No.')).toBeUndefined()
    expect(answer("Isn't parking free?", 'Yes.')).toBeUndefined()
    expect(answer('Is the sauna open on Sundays?', 'No.')).toBeUndefined()
    expect(answer('サウナは土日も使えますか', 'いいえ、平日のみです。')).toBeUndefined()
    expect(answer('予約は必要ですか', 'いいえ、不要です。')).toBeUndefined()
    expect(answer('Can I smoke on the balcony?', 'The balcony is outside.')).toBeUndefined()
    expect(answer('Can I smoke on the balcony?', 'No smoking anywhere.')).toBeUndefined()
    expect(answer('Are you open on Sundays?', 'We are open Monday to Saturday.')).toBeUndefined()
    expect(answer('Do you have a sauna?', 'We do.')).toBe('positive sauna (exists?)')
  })

  it('"only" names what holds and so answers no for the specific thing asked (EN, JA); not when it restricts that thing itself', () => {
    expect(answer('Do you take debit cards?', 'Sorry, we only take credit cards.')).toBe('negative card debit')
    expect(answer('オンラインで相談できますか', '恐れ入りますが、ご来店でのご相談のみとなっております。')).toBe('negative online 相談')
    expect(answer('Can I pay by card?', 'Cards are only accepted for orders over ¥2,000.')).toBeUndefined()
    expect(answer('Do you take debit cards?', 'We only open at ten.')).toBeUndefined()
    expect(answer('Is the pool open on Sundays?', 'Only in the morning.')).toBeUndefined()
    expect(answer('Do you take debit cards?', "We only take cash; we don't take cards.")).toBeUndefined()
    expect(answer('4人で泊まれる部屋はありますか', 'ファミリールームでしたら4名様までお泊まりいただけます。')).toBeUndefined()
  })

  it('a denied echo of a Japanese question\'s predicate answers no; an affirmed one, or one to a question about a day, is not read', () => {
    expect(answer('猫を連れて行ってもいいですか', '申し訳ございません、店内は猫の同伴はできません。')).toBe('negative cat')
    expect(answer('駐車場は使えますか', '申し訳ございません、駐車場はご利用いただけません。')).toBe('negative parking 駐車場')
    expect(answer('猫を連れて行ってもいいですか', 'ケージに入れていただければ猫もご同伴いただけます。')).toBeUndefined()
    expect(answer('日曜日も猫を連れて行けますか', '申し訳ございません、日曜日は猫の同伴はできません。')).toBeUndefined()
    expect(answer('駐車場はありますか', '近くにコインパーキングがございます。')).toBeUndefined()
  })

  it('the business itself ("your office") and asking verbs ("bring") are not the subject', () => {
    expect(answer('Can I bring my cat to your office?', 'Yes.')).toBe('positive cat')
  })
})

describe('the answer is checked against the knowledge', () => {
  const studio = 'Lessons: yoga and pilates.\nNo parking; use the station car park.\nShoes are not allowed in the studio.\n駐車場はございません。'

  it('a yes to what the knowledge denies is contradicted, even when the rest of the sentence is an offer or states values (EN, JA)', () => {
    expect(verdict(studio, 'Is there parking?', 'Yes, I can tell you where it is.').hallucinated).toBe(true)
    expect(verdict(studio, 'Can I keep my shoes on in the studio?', 'Sure, no problem at all.').hallucinated).toBe(true)
    expect(verdict(studio, '駐車場はありますか', 'はい、5台分ございます。').hallucinated).toBe(true)
  })

  it('a no that agrees with the knowledge is not a hallucination; a no to a part the knowledge lacks is not judged', () => {
    expect(verdict(studio, 'Is there parking?', 'No, but the station car park is close.').hallucinated).toBe(false)
    expect(verdict(studio, 'Do you teach zumba?', 'No, we teach yoga and pilates.').hallucinated).toBe(false)
  })

  it('a yes to "do you have X?" where the knowledge never names X is an invented offer (EN, JA); a no is not', () => {
    expect(verdict(studio, 'Do you have a sauna?', 'Yes, we do.')).toEqual({ hallucinated: true, statements: ['unsupported'] })
    expect(verdict(studio, 'サウナはありますか', 'はい、ございます。')).toEqual({ hallucinated: true, statements: ['unsupported'] })
    expect(verdict(studio, 'Do you have a sauna?', "No, I'm afraid not.").hallucinated).toBe(false)
  })

  it('an answer restricted by "only" that leaves out what the knowledge offers is contradicted (EN, JA); one that agrees is not', () => {
    const shop = 'Payment: cash, credit cards and bank transfer\nConsultations in the shop or by video call / 店頭またはビデオ通話でご相談いただけます'
    expect(verdict(shop, 'Do you accept credit cards?', "I'm sorry, we only take cash or bank transfer.").hallucinated).toBe(true)
    expect(verdict(shop, 'ビデオ通話で相談できますか', '申し訳ございません、店頭でのご相談のみとなっております。').hallucinated).toBe(true)
    expect(verdict(shop, 'Do you accept credit cards?', 'Sure, credit cards are fine, and we also take cash only up to a point.').hallucinated).toBe(false)
  })

  it('a yes that states a price the knowledge holds names, in other words, what it belongs to: no invented offer (JA); a price it does not hold is', () => {
    const rental = 'Rates per day: compact ¥6,600, convertible ¥17,600 / オープンカーは人気です\nChild seat: ¥770 per day\nNo one-way rentals'
    expect(verdict(rental, 'カブリオレはありますか', 'はい、カブリオレは1日17,600円です。').statements).not.toContain('unsupported')
    expect(verdict(rental, 'キャンピングカーはありますか', 'はい、キャンピングカーは1日25,000円です。').hallucinated).toBe(true)
  })

  it('a denied echo that denies what the knowledge allows is contradicted (JA)', () => {
    const shop = 'Cats and dogs welcome in the shop / 猫・犬の同伴可\nCash and cards\nOpen 10:00-18:00'
    expect(verdict(shop, '猫を連れて行ってもいいですか', '申し訳ございません、店内は猫の同伴はできません。')).toEqual({ hallucinated: true, statements: ['contradicted'] })
  })

  it('a greeting or "great question" before the answer does not hide it; a later sentence is not the answer', () => {
    expect(verdict(studio, 'Is there parking?', 'Great question! Yes, there is.').hallucinated).toBe(true)
    expect(verdict(studio, 'Do you teach yoga?', 'We teach yoga and pilates. We can also help you choose a class.').hallucinated).toBe(false)
  })
})
