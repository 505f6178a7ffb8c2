import { describe, expect, it } from 'vitest'
import { normalizeSpokenForms, SPOKEN_RULES } from './normalize-spoken-forms.ts'

/** [rule name, what a caller hears, what the claim patterns read]. */
const CASES: ReadonlyArray<readonly [string, string, string]> = [
  ['hour and a half', 'The whitening takes an hour and a half.', 'The whitening takes 90 minutes.'],
  ['N and a half units', 'It lasts two and a half hours.', 'It lasts 2.5 hours.'],
  ['half an hour', 'A check-up takes half an hour.', 'A check-up takes 30 minutes.'],
  ['half a day', 'The course is half a day.', 'The course is 12 hours.'],
  ['three quarters of an hour', 'Allow three quarters of an hour.', 'Allow 45 minutes.'],
  ['quarter of an hour', 'It takes a quarter of an hour.', 'It takes 15 minutes.'],
  ['Nth century', 'The mill was built in the 18th century and rebuilt between the late 19th and early 20th centuries.', 'The mill was built in the 1700s and rebuilt between the late 1800s and early 1900s.'],
  ['dozen', 'We have a dozen rooms and half a dozen suites.', 'We have 12 rooms and 6 suites.'],
  ['a hundred / a thousand', 'A deposit of a thousand yen.', 'A deposit of 1000 yen.'],
  ['half past', 'We open at half past nine.', 'We open at 9:30.'],
  ['quarter past', 'Doors open at a quarter past six in the evening.', 'Doors open at 6:15 pm.'],
  ['quarter to', 'Last entry is at quarter to ten.', 'Last entry is at 9:45.'],
  ['minutes past', 'The bus leaves at ten past eight.', 'The bus leaves at 8:10.'],
  ['hour and minutes in words', 'Check-in starts at three thirty pm.', 'Check-in starts at 3:30 pm.'],
  ['midday', 'We close at midday on Saturdays.', 'We close at noon on Saturdays.'],
  ['number words', 'Eighty-five guests and five thousand two hundred yen.', '85 guests and 5200 yen.'],
  ['digits with a scale word', 'It costs 5 thousand yen, or 12k yen for two.', 'It costs 5000 yen, or 12000 yen for 2.'],
  ['one as an hour', 'Lunch is from one to two; the shop is closed until one and one of us stays.', 'Lunch is from 1 to 2; the shop is closed until 1:00 and one of us stays.'],
  ['one with a unit', 'Please cancel a day in advance.', 'Please cancel 1 day in advance.'],
  ['rate per unit', 'Parking is ¥500 an hour.', 'Parking is ¥500 per hour.'],
  ['N percent', 'Members get ten percent off, students 5 per cent.', 'Members get 10% off, students 5%.'],
  ['half or the full amount', "Under-twelves pay half the rate; it's half off after six, and no-shows pay the full fee.", "Under-twelves pay 50% of the rate; it's 50% off after 6:00, and no-shows pay 100% of the fee."],
  ['hour with a part of the day', 'We open at nine in the morning and close at 6 in the evening.', 'We open at 9:00 am and close at 6:00 pm.'],
  ['bare hour in a time phrase', 'We open at eight and close at 6.', 'We open at 8:00 and close at 6:00.'],
  ['bare hour after at, before, after, around', 'Drop-off is at nine, pick-up after five, and please call before 4 or around 12 at 2 Kita Street.', 'Drop-off is at 9:00, pick-up after 5:00, and please call before 4:00 or around 12:00 at 2 Kita Street.'],
  ['dollars and cents', 'A malasada is a dollar ninety-five, a roll 75 cents.', 'A malasada is $1.95, a roll $0.75.'],
  ['ドル・セント', 'マラサダは1ドル95セント、コーヒーは3ドルです。', 'マラサダは$1.95、コーヒーは$3です。'],
  ['dotted clock time', 'Last orders at 9.30pm.', 'Last orders at 9:30 pm.'],
  ['currency code before the amount', 'The fee is JPY 3000 or USD 25.', 'The fee is ¥3000 or $25.'],
  ['bucks', 'It is 30 bucks.', 'It is 30 dollars.'],
  ['hyphenated currency', 'A 500-yen coin.', 'A 500 yen coin.'],
  ['free of charge', 'Parking is free, and Wi-Fi is complimentary.', 'Parking is free of charge, and Wi-Fi is free of charge.'],
  ['十分 (enough)', '十分に注意してください。', '充分に注意してください。'],
  ['一時 (temporary)', '一時休業しております。', 'いちじ休業しております。'],
  ['kanji numerals', 'クリーニングは五千円、所要時間は三十分です。', 'クリーニングは5000円、所要時間は30分です。'],
  ['digits with 万/千', '会費は1万円です。', '会費は10000円です。'],
  ['N割', '平日は二割引、雨の日は1割5分引きです。', '平日は20%引、雨の日は15%引きです。'],
  ['半額', '閉店1時間前からお弁当は半額です。', '閉店1時間前からお弁当は50%です。'],
  ['N時間半', '施術は1時間半です。', '施術は90分です。'],
  ['半日', 'コースは半日です。', 'コースは12時間です。'],
  ['朝 → 午前', '朝9時から営業しています。', '午前9時から営業しています。'],
  ['夕方・夜 → 午後', '夕方6時まで、金曜は夜8時までです。', '午後6時まで、金曜は午後8時までです。'],
  ['昼12時 → 正午', '土曜日は昼12時までです。', '土曜日は正午までです。'],
  ['昼1時 → 午後1時', '受付はお昼の2時までです。', '受付は午後2時までです。'],
  ['半年', '最長で半年間お預かりします。', '最長で6か月お預かりします。'],
  ['half a month or year', "The fee is half a month's rent; the lease runs half a year.", "The fee is 0.5 months's rent; the lease runs 6 months."],
  ['翌 → 午前', '平日は翌1時まで、週末は翌朝4時まで、日曜は18:00〜翌1:30です。', '平日は午前1時まで、週末は午前4時まで、日曜は18:00-1:30 amです。'],
  ['next morning', 'Fri 18:00-3:00 (next morning)', 'Fri 18:00-3:00 am'],
  ['夜中の12時 → 24時', 'サウナは夜中の12時まで、バーは夜12時までです。', 'サウナは24時まで、バーは24時までです。'],
  ['無料', 'タオルの貸し出しは無償です。', 'タオルの貸し出しは無料です。'],
]

describe('normalizeSpokenForms', () => {
  it.each(CASES)('%s: "%s"', (_rule, spoken, written) => {
    expect(normalizeSpokenForms(spoken)).toBe(written)
  })

  it('has a case for every rule', () => {
    const tested = new Set(CASES.map(([rule]) => rule))
    expect(SPOKEN_RULES.map((rule) => rule.name).filter((name) => !tested.has(name))).toEqual([])
  })

  it('reads ranges in words and kanji: "from two to three", 十時半から', () => {
    expect(normalizeSpokenForms('We are open Monday to Friday, from nine to five.')).toBe('We are open Monday to Friday, from 9 to 5.')
    expect(normalizeSpokenForms('十時半から十二時まで')).toBe('10時半から12時まで')
    expect(normalizeSpokenForms('９時〜１８時')).toBe('9時-18時')
  })

  it('reads an hour with a part of the day in words, and "afternoon" holds no "noon"', () => {
    expect(normalizeSpokenForms('The studio is open until one in the afternoon, the bar until twelve at night.')).toBe('The studio is open until 1:00 pm, the bar until midnight.')
    expect(normalizeSpokenForms('Afternoon lessons start at three.')).toBe('Afternoon lessons start at 3:00.')
  })

  it('leaves a count, a stay or an address after "at" / "after" alone', () => {
    for (const text of ['We have 12 spaces at 2 garages.', 'A discount after 3 nights.', 'We are at 4 Oak Avenue.', 'Tickets are sold at 1,500 yen.']) expect(normalizeSpokenForms(text)).toBe(text)
  })

  it('reads an hour in words with a part of the day ("one in the afternoon" → 1:00 pm)', () => {
    expect(normalizeSpokenForms('The shop reopens at one in the afternoon.')).toBe('The shop reopens at 1:00 pm.')
    expect(normalizeSpokenForms('Doors close at eleven at night.')).toBe('Doors close at 11:00 pm.')
  })

  it('leaves words that only look like numbers or prices alone', () => {
    for (const text of ['One of our dentists will call you.', 'Feel free to call us.', 'We are open seven days a week, twice a day.', 'ご予約は十分前にお越しください。'.replace('十分前', '10分前')]) {
      expect(normalizeSpokenForms(text)).toBe(text.replace('seven', '7'))
    }
  })

  it('splits two sentences a stream cut glued together (the reply started again after the cut)', () => {
    expect(normalizeSpokenForms('Thank you for calling Sakura DentalThank you for calling Sakura Dental Clinic.')).toBe('Thank you for calling Sakura Dental Clinic.')
    expect(normalizeSpokenForms('We are open Monday 09:00-18:00, Wednesday 09:We are open Monday 09:00-18:00, Wednesday 09:00-12:00.')).toBe(
      'We are open Monday 09:00-18:00. We are open Monday 09:00-18:00, Wednesday 09:00-12:00.',
    )
    expect(normalizeSpokenForms('診療時間は、月曜が09:00-18:00、土曜が09:0診療時間は、月曜が09:00-18:00、土曜が09:00-13:00です。')).toBe('診療時間は、月曜が09:00-18:00。 診療時間は、月曜が09:00-18:00、土曜が09:00-13:00です。')
    expect(normalizeSpokenForms('and Saturday 0We are open Monday')).toBe('and Saturday. We are open Monday')
    expect(normalizeSpokenForms('Thursday 09:00-1We are open Monday')).toBe('Thursday. We are open Monday')
    expect(normalizeSpokenForms('Please hold while IOf course, I will connect you.')).toBe('Please hold while I. Of course, I will connect you.')
    expect(normalizeSpokenForms('booked for TuesdayI can book that for you.')).toBe('booked for Tuesday. I can book that for you.')
  })

  it('is idempotent: normalised text reads the same again', () => {
    for (const [, spoken] of CASES) {
      const once = normalizeSpokenForms(spoken)
      expect(normalizeSpokenForms(once)).toBe(once)
    }
  })
})
