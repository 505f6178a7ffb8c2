import { describe, expect, it } from 'vitest'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { checkGrounding } from '../check-grounding.ts'
import { clausesOf } from './statement-clauses.ts'
import { GENERAL_TERMS } from './subject-terms.ts'

const read = (sentence: string) => clausesOf(sentence, GENERAL_TERMS).map((clause) => `${clause.polarity} ${[...clause.said].sort().join(' ')}`)
const statements = (knowledge: string, response: string, context?: string) =>
  checkGrounding({ knowledge, response, ...(context === undefined ? {} : { context }) })
    .claims.filter((claim) => claim.type === 'statement')
    .map((claim) => `${claim.status} ${claim.evidence?.path ?? ''}`.trim())

describe('clausesOf', () => {
  it('a denial without a subject of its own ("…, but not X") is about the clause before it', () => {
    expect(read('Strollers are fine in the lobby, but not upstairs.')).toEqual(['positive lobby stroller', 'negative lobby stroller upstair'])
  })

  it('an exception ("except …") says the opposite of the clause before it', () => {
    expect(read('Smoking is allowed except on the balcony.')).toEqual(['positive smoking', 'negative balcony smoking'])
  })

  it('a topic, a condition or a lead-in without a predicate belongs to the clause after it (JA, EN)', () => {
    expect(read('小型犬でしたら、ケージなしでお入りいただけます。')).toHaveLength(1)
    expect(read('For members, towels are free.')).toEqual(['positive membership towel'])
  })

  it('a cause without a predicate ("Because of the noise, …", "Due to …") belongs to the clause after it', () => {
    expect(read('Because of the noise, drums are not allowed after nine.')).toEqual(['negative because drum nine noise'])
    expect(read('Due to the heat, the terrace closes early.')).toHaveLength(1)
  })

  it('a concession or contrast without a predicate ("Despite the name, …", "Unlike most frogs, …") belongs to the clause after it', () => {
    expect(clausesOf('Despite the name, jellyfish are not fish.', GENERAL_TERMS).map((clause) => clause.polarity)).toEqual(['negative'])
    expect(clausesOf('Unlike most frogs, it keeps its gills.', GENERAL_TERMS)).toHaveLength(1)
  })

  it('what a simile compares with ("cooked like vegetables", "tastes like honey") is not what the clause is about', () => {
    expect(read('Pumpkins are often cooked like vegetables.')).toEqual(['positive cook often pumpkin'])
    expect(read('The fruit tastes like honey.')).toEqual(['positive fruit taste'])
  })

  it('the speaker denying something of themselves ("I don\'t have a cat myself") is marked like a partial negation', () => {
    expect(clausesOf("I don't have a cat myself.", GENERAL_TERMS)[0]?.partial).toBe(true)
    const knowledge = 'Cats sleep twelve to sixteen hours a day. They were domesticated in the Near East.'
    expect(checkGrounding({ knowledge, context: 'I love cats!', response: "I don't have a cat myself, but I know they were domesticated in the Near East." }).hallucinated).toBe(false)
  })

  it('the speaker\'s taste and advice to the listener are marked too ("I love it in stews", "just don\'t feed them bread")', () => {
    expect(clausesOf('I love the smoked ones in stews.', GENERAL_TERMS)[0]?.partial).toBe(true)
    expect(clausesOf("Just don't feed the ducks bread.", GENERAL_TERMS)[0]?.partial).toBe(true)
    expect(clausesOf("The ducks don't eat bread.", GENERAL_TERMS)[0]?.partial).toBeUndefined()
  })

  it('"without" denies its own phrase, not the verb before it; a means after it ("by …") goes with the verb', () => {
    expect(read('Swifts can stay aloft for months without landing by sleeping on the wing.').map((line) => line.split(' ')[0])).toEqual(['positive', 'negative'])
    expect(read('Swifts can stay aloft for months without landing by sleeping on the wing.')[1]).toBe('negative land')
    expect(read('No entry without a ticket.')).toHaveLength(1)
  })

  it('a denial read from a key denies the list after its colon ("not accepted: suede, silk and wool")', () => {
    expect(read('not accepted: suede, silk and wool')).toEqual(['negative silk suede wool'])
  })

  it('the first item of a list subject is not a clause of its own ("Suede, silk and wool are not accepted")', () => {
    expect(read('Suede, silk and wool are not accepted.')).toEqual(['negative silk suede wool'])
    expect(read('Suede is fine, silk and wool are not accepted.').map((line) => line.split(' ')[0])).toEqual(['positive', 'negative'])
  })

  it('a denial keeps its polarity after a word of regret ("Unfortunately no strollers are allowed")', () => {
    expect(read('Unfortunately no strollers are allowed upstairs.')).toEqual(['negative stroller upstair'])
  })

  it('a partial negation ("can\'t … directly", "not always") is marked: it denies a manner, not the fact', () => {
    expect(clausesOf("Owls can't turn their eyes directly.", GENERAL_TERMS)[0]?.partial).toBe(true)
    expect(clausesOf('The ferry does not always stop at the island.', GENERAL_TERMS)[0]?.partial).toBe(true)
    expect(clausesOf('The ferry does not stop at the island.', GENERAL_TERMS)[0]?.partial).toBeUndefined()
  })

  it('"…, and on holidays" adds to the clause before it, with its polarity', () => {
    expect(read('The pool is closed on Mondays, and on holidays.')).toEqual(['negative holiday hours monday pool'])
  })

  it('coming without an appointment denies "appointment required" (walk-ins, 予約なし, 当日受付)', () => {
    expect(read('Walk-ins are welcome for haircuts.')).toEqual(['negative appointment haircut'])
    expect(read('カットは予約なしでも大丈夫です。')).toEqual(['negative appointment haircut'])
  })

  it('a denied walk-in is a double negation: "no walk-ins", 「予約なしではご利用いただけません」 say an appointment is required', () => {
    expect(read('No walk-ins for colouring.')).toEqual(['positive appointment colour'])
    expect(read('Walk-ins are not accepted.')).toEqual(['positive appointment'])
    expect(read('We cannot take walk-ins on Saturdays.')).toEqual(['positive appointment saturday'])
    expect(read('予約なしではご利用いただけません。')).toEqual(['positive appointment'])
  })

  it('a colon after a denial starts a clause of its own (what to do instead); "X: not allowed" keeps its colon', () => {
    expect(read('No drop-off at the airport: return the van to the depot')).toEqual(['negative airport drop-off', 'positive depot return van'])
    expect(read('Strollers: not allowed')).toEqual(['negative stroller'])
  })

  it('"that\'s a …" says what the caller asked about is, not whether it is offered', () => {
    expect(read("That's a prescription medicine, and we can't sell those online.")).toEqual(['negative online sell'])
    expect(read("It's a non-smoking floor.")).toEqual(['negative floor non-smok'])
  })

  it('policy words most trades state are read in both languages (debit cards, wheelchairs, allergies, bringing your own)', () => {
    const shop = 'Payment: cash or credit card; no debit cards\nBring your own drinks: not allowed\nWheelchair accessible entrance'
    expect(statements(shop, 'デビットカードもご利用いただけます。')).toEqual(['contradicted text[0]'])
    expect(statements(shop, 'デビットカードはご利用いただけません。')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
    expect(statements(shop, 'お飲み物の持ち込みも大丈夫です。')).toEqual(['contradicted text[1]'])
    expect(statements(shop, '車椅子でもご来店いただけます。')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
  })

  it('Japanese verbs of coming in or bringing along (来店, 入店, 入館, 持参) name no subject, like "come" and "visit"', () => {
    expect(read('お子様のご入店はお断りしております。')).toEqual(['negative children'])
    const bar = 'Children welcome until 19:00\nNo pets\nParking for 4 cars'
    expect(statements(bar, 'お子様のご来店はお断りしております。')).toEqual(['contradicted text[0]'])
    expect(statements(bar, 'ペット連れでもご入店いただけます。')).toEqual(['contradicted text[1]'])
    expect(statements(bar, '申し訳ございませんが、ペットの入館はご遠慮いただいております。')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
  })

  it('a Japanese word the vocabulary reads end to end is those words, not a subject of its own', () => {
    expect(read('学生会員もサウナをご利用いただけます。')).toEqual(['positive membership sauna student'])
    expect(read('ビデオ通話での内見も承っております。')).toEqual(['positive online viewing'])
    expect(read('レギュラー会員の方のみです。')).toEqual(['positive membership レギュラー'])
  })

  it('an apposition ("The owls, called barn owls, …") belongs to the clause after it, with that clause\'s polarity', () => {
    expect(read('The towels, called bath sheets, are not free.')).toEqual([expect.stringMatching(/^negative .*bath.*towel/u)])
  })

  it('a list that goes on after a comma ("no sauna, pool or gym") keeps the polarity of the clause before it', () => {
    expect(read('The annex has no sauna, pool or gym.')).toEqual(['negative annex gym pool sauna'])
    // A list with its own negation is a denial of its own.
    expect(read('We offer nail clipping, no grooming or trimming.').at(-1)).toMatch(/^negative/u)
  })

  it('an English condition ("if you have a dog, …") asserts nothing of its own', () => {
    expect(read('If you have a dog, it must stay on a lead.')).toEqual(['positive lead stay'])
  })

  it('"other than" after "any" / "anything" restricts a noun, it is no exception clause', () => {
    expect(read('Anything other than water is not allowed in the pool.')).toHaveLength(1)
  })

  it('" / " parts the two languages of a bilingual line', () => {
    expect(read('No pets / ペット不可')).toEqual(['negative pet', 'negative pet'])
    expect(read('Pets welcome / ペット可')).toEqual(['positive pet', 'positive pet'])
  })
})

describe('statements are checked clause by clause against the clause of the entry about the same thing', () => {
  const sheet = 'Strollers: fine in the lobby, not upstairs\nCash and cards accepted; no personal checks\nWe groom dogs and cats.\nNo reptiles or birds / 爬虫類・鳥類は不可'

  it('a reply that agrees clause by clause is not contradicted (EN, JA)', () => {
    expect(statements(sheet, 'You can bring a stroller into the lobby, just not upstairs.')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
    expect(statements(sheet, 'We take cash and cards, but personal checks are not accepted.')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
    expect(statements(sheet, '現金とカードはご利用いただけますが、小切手はお受けできません。')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
  })

  it('the clause that says the opposite contradicts (EN, JA)', () => {
    expect(statements(sheet, 'Strollers are welcome upstairs too.')).toEqual(['contradicted text[0]'])
    expect(statements(sheet, 'Personal checks are fine.')).toEqual(['contradicted text[1]'])
    expect(statements(sheet, '小切手もご利用いただけます。')).toEqual(['contradicted text[1]'])
  })

  it('a denial names what it denies: "we don\'t groom rabbits" does not deny grooming dogs; an affirmation of one denied thing is opposite', () => {
    expect(statements(sheet, "We don't groom rabbits.")).not.toContainEqual(expect.stringMatching(/^contradicted/u))
    expect(statements(sheet, 'Reptiles are welcome.')).toEqual(['contradicted text[3]'])
    expect(statements(sheet, '爬虫類も診られます。')).toEqual(['contradicted text[3]'])
  })

  it('walk-ins where the knowledge says "by appointment only" are contradicted; where it welcomes them, not (EN, JA)', () => {
    const salon = 'Colouring by appointment only; walk-ins welcome for haircuts\nカラーは予約制です。カットは当日受付も可能です。'
    expect(statements(salon, 'Walk-ins are fine for colouring.')).toContain('contradicted text[0]')
    expect(statements(salon, 'You can walk in for a haircut.')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
    expect(statements(salon, 'カットは予約なしでお越しいただけます。')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
  })

  it('walk-ins against "no walk-ins" are contradicted; declining them, or booking, agrees (EN, JA)', () => {
    const studio = 'Yoga classes: ¥2,500 a session\nNo walk-ins; book online / 予約なしでの参加不可'
    expect(statements(studio, 'Walk-ins are always welcome.')).toContain('contradicted text[1]')
    expect(statements(studio, 'はい、予約なしでも参加いただけます。', '予約なしでも参加できますか')).toContain('contradicted text[1]')
    expect(statements(studio, "Sorry, we don't take walk-ins; please book online.")).not.toContainEqual(expect.stringMatching(/^contradicted/u))
    expect(statements(studio, '申し訳ございません、予約なしではご参加いただけません。')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
  })

  it('民間 is "private" (insurance, hospitals): a private insurer said in Japanese meets the English fact (JA)', () => {
    const pharmacy = 'Insurance: national health insurance accepted\nPrivate insurance: not accepted\nDelivery within 3 km'
    expect(statements(pharmacy, 'はい、民間の保険もお使いいただけます。')).toEqual(['contradicted text[1]'])
    expect(statements(pharmacy, '民間の保険は使えません。')).not.toContainEqual(expect.stringMatching(/^contradicted/u))
  })

  it('"checks" (plural) are the payment, in both languages, not check-in', () => {
    const inn = 'Check-in from 15:00; check-out by 10:00.\nWe take cash and cards; no checks.'
    expect(statements(inn, 'Checks are fine.')).toEqual(['contradicted text[1]'])
    expect(statements(inn, 'はい、小切手もお使いいただけます。', '小切手で払えますか')).toContain('contradicted text[1]')
  })

  it('what a sentence with values affirms is checked against what the knowledge denies, named whole (EN, JA)', () => {
    const shop = 'No parking / 駐車場なし\nSeats: 8 inside; dogs welcome on the terrace, not inside'
    expect(statements(shop, 'We have 4 parking spaces.')).toContain('contradicted text[0]')
    expect(statements(shop, '駐車場は3台分ございます。')).toContain('contradicted text[0]')
    expect(statements(shop, 'There are 8 seats inside.')).toEqual([])
  })

  it('a term the knowledge never uses is read as its broader one: a dog against "No pets"', () => {
    const inn = 'No pets.\nBreakfast: ¥1,200.\nFree Wi-Fi in every room.'
    expect(statements(inn, 'Dogs are welcome in the rooms.')).toContain('contradicted text[0]')
    expect(statements(inn, '猫ちゃんもご一緒にどうぞお泊まりいただけます。')).toContain('contradicted text[0]')
  })

  it('the broader term is the knowledge base\'s own when its vocabulary names it (`animals` for pets)', () => {
    const knowledge = parseKnowledgeBase('version: 1\nfacts:\n  animals: not allowed\nvocabulary:\n  animals: [pet, pets, animal]\n', 'inn.yaml')
    expect(checkGrounding({ knowledge, response: 'Cats are welcome.' }).claims).toEqual([expect.objectContaining({ status: 'contradicted', evidence: expect.objectContaining({ path: 'facts.animals' }) })])
  })
})
