import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { extractClaims } from '../claims/extract-claims.ts'
import { normalizeSpokenForms } from '../internal/normalize-spoken-forms.ts'
import { claimSubject } from './claim-subject.ts'
import { GENERAL_TERMS } from './subject-terms.ts'

/** A small campsite's knowledge, written for these tests, as free text. */
const campsite = [
  'Tent pitch: ¥4,000 per night',
  'Cabin (up to 5 guests): ¥15,000 per night',
  'Bicycle hire: ¥1,200 per day',
  'Firewood bundle: ¥600',
  'Car parking: 20 spaces, ¥800 per night',
].join('\n')

function statuses(context: string, response: string, knowledge: string = campsite): string[] {
  return checkGrounding({ knowledge, context, response }).claims.filter((claim) => claim.type !== 'statement').map((claim) => `${claim.status} ${claim.type} ${claim.text}`)
}

function subjectOf(response: string, claimText: string): string[] {
  const text = normalizeSpokenForms(response)
  const claims = extractClaims(response)
  const claim = claims.find((item) => item.text === claimText)
  if (!claim) throw new Error(`no claim ${claimText} in ${JSON.stringify(claims.map((item) => item.text))}`)
  return [...claimSubject(text, claim, claims, GENERAL_TERMS).terms].sort()
}

describe('a price\'s rate unit is what it is counted in, not its subject', () => {
  it('leaves "per night", "a day", "each" out of the subject (EN)', () => {
    expect(subjectOf('The cabin is ¥15,000 per night.', '¥15,000')).toEqual(['cabin'])
    expect(subjectOf("It's ¥1,200 a day.", '¥1,200')).toEqual([])
    expect(subjectOf('Firewood is ¥600 each.', '¥600')).toEqual(['firewood'])
  })

  it('leaves 1泊, 1日, 月 and お一人様 before a price out of the subject (JA)', () => {
    expect(subjectOf('料金は1泊15,000円です。', '15,000円')).toEqual(['price', '料金'])
    expect(subjectOf('自転車は1日1,200円です。', '1,200円')).toEqual(['自転車'])
    expect(subjectOf('会費は月3,000円です。', '3,000円')).toEqual(['membership', '会費'])
    expect(subjectOf('夕食はお一人様2,500円です。', '2,500円')).toEqual(['dinner', '夕食'])
  })

  it('a one-unit rate before a price is no claim of its own (1日, 1時間ごとに, 一泊あたり)', () => {
    expect(extractClaims('自転車は1日1,200円です。').map((claim) => claim.text)).toEqual(['1,200円'])
    expect(extractClaims('延長は1時間ごとに500円かかります。').map((claim) => claim.text)).toEqual(['500円'])
    expect(extractClaims('一泊あたり四千円です。').map((claim) => claim.text)).toEqual(['4000円'])
    // Not before a price: a day is a claim ("1日前までにご連絡ください": an offset of one day, a duration).
    expect(extractClaims('1日前までにご連絡ください。料金は500円です。').map((claim) => claim.type)).toContain('duration')
  })

  it('the caller\'s question names what a price with a bare rate unit is about', () => {
    expect(statuses('How much is parking?', "It's ¥800 per night.")).toEqual(['supported price ¥800'])
    expect(statuses('How much is parking?', "It's ¥4,000 per night.")).toEqual(['contradicted price ¥4,000'])
    expect(statuses('駐車場はいくらですか', '1泊800円です。')).toEqual(['supported price 800円'])
  })

  it('the sentence before names what 「料金は1泊…」 is about', () => {
    expect(statuses('5人で泊まれますか', 'キャビンなら5名様までお泊まりいただけます。料金は1泊15,000円です。')).toEqual(['supported count 5名', 'supported price 15,000円'])
    expect(statuses('5人で泊まれますか', 'キャビンなら5名様までお泊まりいただけます。料金は1泊4,000円です。')).toContain('contradicted price 4,000円')
  })
})

describe('an amount whose words name no item of its kind is about the context', () => {
  it('"20 spaces at ¥800 a night": `space` holds no price, so the caller\'s parking question decides (EN)', () => {
    expect(statuses('Is there parking?', 'Yes, there are twenty spaces at eight hundred yen a night.')).toEqual(['supported count 20 spaces', 'supported price 800 yen'])
    expect(statuses('Is there parking?', 'Yes, there are twenty spaces at six hundred yen a night.')).toContain('contradicted price 600 yen')
  })

  it('「20台分ございます。1泊800円です」 (JA)', () => {
    expect(statuses('駐車場はありますか', 'はい、20台分ございます。1泊800円です。')).toEqual(['supported count 20台', 'supported price 800円'])
  })
})

/** Two flats of a letting agent, written for these tests. */
const flats = [
  'Riverside 1K: ¥65,000 a month + management fee ¥4,000, 6 min from the station',
  'Hilltop 2DK: ¥92,000 a month + management fee ¥7,000, 14 min from the station',
].join('\n')

describe('words that introduce the next value are its subject, not the one before', () => {
  it('"¥65,000 a month, with a management fee of ¥4,000": the rent is about what the caller asked (EN)', () => {
    expect(subjectOf("It's ¥65,000 a month, with a management fee of ¥4,000.", '¥65,000')).toEqual([])
    expect(statuses("What's the rent on the Riverside 1K?", "It's ¥65,000 a month, with a management fee of ¥4,000.", flats)).toEqual(['supported price ¥65,000', 'supported price ¥4,000'])
  })

  it('「家賃6万5千円、管理費は4千円」: 管理費は introduces the fee (JA)', () => {
    expect(subjectOf('6万5千円で、管理費は4千円です。', '65000円')).toEqual([])
    // 日曜料金の: a noun with の before a value is that value's.
    expect(subjectOf('6万5千円に管理費の4千円が加わります。', '65000円')).toEqual([])
  })
})

describe('a walk from the station is about the place named before it or by the caller', () => {
  it('"It\'s six minutes from the station" after a question about the Riverside flat (EN)', () => {
    expect(statuses('Is the Riverside 1K near the station?', "Yes, it's six minutes from the station.", flats)).toEqual(['supported duration 6 minutes'])
    expect(statuses('Is the Riverside 1K near the station?', "Yes, it's fourteen minutes from the station.", flats)).toEqual(['contradicted duration 14 minutes'])
  })

  it('「駅から歩いて14分です」 after a question about the Hilltop flat (JA)', () => {
    expect(statuses('Hilltopの2DKは駅から近いですか', 'はい、駅から歩いて十四分です。', flats)).toEqual(['supported duration 14分'])
    expect(statuses('Hilltopの2DKは駅から近いですか', 'はい、駅から歩いて六分です。', flats)).toEqual(['contradicted duration 6分'])
  })
})

describe('amount words', () => {
  it('"a 20-minute ride", "a two-hour class" are durations; "a 100-day celebration" names an event', () => {
    expect(extractClaims('It is a 20-minute ride from the airport.').map((claim) => `${claim.type} ${JSON.stringify(claim.value)}`)).toEqual(['duration {"kind":"duration","minutes":20}'])
    expect(extractClaims('We run a two-hour class.').map((claim) => claim.type)).toEqual(['duration'])
    expect(extractClaims('It is for the 100-day celebration.').map((claim) => claim.type)).not.toContain('duration')
  })

  it('"plus" and "minus" name no subject ("¥65,000 plus ¥4,000 for management")', () => {
    expect(subjectOf("It's ¥65,000 a month plus ¥4,000 for management.", '¥4,000')).toEqual(['management'])
  })
})
