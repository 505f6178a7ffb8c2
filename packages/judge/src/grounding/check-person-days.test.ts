import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

// A bicycle shop, written for these tests: its staff as a knowledge base and as free text.
const shop = parseKnowledgeBase({
  version: 1,
  facts: {
    hours: { weekdays: '10:00-19:00', saturday: '10:00-17:00', sunday: 'closed' },
    mechanics: {
      nishino: { name: 'Mr. Nishino', specialty: 'wheel building', days: 'Mondays to Thursdays' },
      kuroki: { name: 'Ms. Kuroki', specialty: 'bike fitting', days: 'Fridays and Saturdays only' },
    },
    staff: { owner: 'Mr. Miki', owner_days: 'every day we are open' },
  },
})
const shopText = [
  'Weekdays 10:00-19:00, Saturdays 10:00-17:00, closed on Sundays',
  'Mr. Nishino (wheel building, Mondays to Thursdays)',
  'Ms. Kuroki (bike fitting, Fridays and Saturdays only)',
  'Owner: Mr. Miki, every day we are open',
].join('\n')
const hallucinated = (knowledge: typeof shop | string, response: string, context = '') => checkGrounding({ knowledge, context, response }).hallucinated

describe("checkPersonDays: days said of one of the knowledge's people", () => {
  it('a day someone works, or does not, said as such (EN, both forms)', () => {
    for (const knowledge of [shop, shopText]) {
      expect(hallucinated(knowledge, 'Kuroki does fittings on Fridays and Saturdays.')).toBe(false)
      expect(hallucinated(knowledge, 'Ms. Kuroki can fit your bike on a Tuesday.')).toBe(true)
      expect(hallucinated(knowledge, 'Mr. Nishino is in Monday to Thursday.')).toBe(false)
      expect(hallucinated(knowledge, 'Mr. Nishino is in Tuesday through Friday.')).toBe(true)
    }
  })

  it('a negated day agrees when they do not work then, and contradicts when they do', () => {
    for (const knowledge of [shop, shopText]) {
      expect(hallucinated(knowledge, "Mr. Nishino builds wheels Monday to Thursday, so he isn't here on Fridays.")).toBe(false)
      expect(hallucinated(knowledge, "I'm sorry, Ms. Kuroki is off on Fridays.")).toBe(true)
      expect(hallucinated(knowledge, 'Ms. Kuroki only works Fridays and Saturdays, so not on a Wednesday, I\'m afraid.')).toBe(false)
    }
  })

  it('a pronoun carries the person to the next sentence; each clause of two people keeps its own', () => {
    for (const knowledge of [shop, shopText]) {
      expect(hallucinated(knowledge, 'Our wheel builder is Mr. Nishino. He works Mondays to Thursdays.')).toBe(false)
      expect(hallucinated(knowledge, 'Our wheel builder is Mr. Nishino. He works Saturdays.')).toBe(true)
      expect(hallucinated(knowledge, 'Mr. Nishino covers Mondays to Thursdays, and Ms. Kuroki the Fridays and Saturdays.')).toBe(false)
      expect(hallucinated(knowledge, 'Mr. Nishino covers Fridays and Saturdays, and Ms. Kuroki Mondays to Thursdays.')).toBe(true)
    }
  })

  it('"every day" said of someone who is not in every day', () => {
    for (const knowledge of [shop, shopText]) {
      expect(hallucinated(knowledge, 'Mr. Miki, the owner, is here every day.')).toBe(false)
      expect(hallucinated(knowledge, 'Ms. Kuroki is here every day.')).toBe(true)
    }
  })

  it('Japanese: a family name in kanji, a negated day, and a subject left out', () => {
    for (const knowledge of [shop, shopText]) {
      expect(hallucinated(knowledge, '黒木は金曜日と土曜日に出勤しております。')).toBe(false)
      expect(hallucinated(knowledge, '黒木は火曜日も出勤しております。')).toBe(true)
      expect(hallucinated(knowledge, '西野は月曜から木曜の勤務ですので、金曜日はおりません。')).toBe(false)
      expect(hallucinated(knowledge, '西野は平日におります。月曜日はおりません。')).toBe(true)
      expect(hallucinated(knowledge, 'はい、金曜日も出勤しております。', '西野さんは金曜日いますか')).toBe(true)
      expect(hallucinated(knowledge, 'はい、木曜日は出勤しております。', '西野さんは木曜日いますか')).toBe(false)
    }
  })

  it("the business's own days in the same sentence stay the business's", () => {
    for (const knowledge of [shop, shopText]) {
      expect(hallucinated(knowledge, "We're open Saturdays until 5 pm, and Ms. Kuroki does fittings then.")).toBe(false)
    }
  })
})

describe('checkPersonDays: days said of several people, of someone by a pronoun, and by a yes', () => {
  // A driving school, written for these tests.
  const school = [
    'Open Monday to Saturday 9:00-20:00, closed Sundays',
    'Instructors: Mr. Hirano (manual cars, Mondays to Wednesdays), Ms. Sakai (highway lessons, Thursdays to Saturdays)',
    'Mr. Kudo (mopeds, Saturdays only)',
    'Ms. Sakai is off on Fridays.',
  ].join('\n')
  const hallucinated = (response: string, context = '') => checkGrounding({ knowledge: school, context, response }).hallucinated

  it('a day said of two people at once is checked for each', () => {
    expect(hallucinated('Ms. Sakai and Mr. Kudo are both here on Saturdays.')).toBe(false)
    expect(hallucinated('Mr. Hirano and Mr. Kudo are both here on Saturdays.')).toBe(true)
    expect(hallucinated('On Saturdays you can book Ms. Sakai or Mr. Kudo.')).toBe(false)
    expect(hallucinated('On Saturdays you can book Mr. Hirano or Mr. Kudo.')).toBe(true)
  })

  it("a line that gives someone's day off: the other lines' days less that one", () => {
    expect(hallucinated('Ms. Sakai teaches on Thursdays and Saturdays.')).toBe(false)
    expect(hallucinated('Ms. Sakai teaches on Fridays.')).toBe(true)
    expect(hallucinated('Friday is her day off.', 'Is Ms. Sakai in on Friday?')).toBe(false)
    expect(hallucinated('Thursday is her day off.', 'Is Ms. Sakai in on Thursday?')).toBe(true)
  })

  it("a yes that says no day itself affirms the day the caller asked about (EN, JA)", () => {
    expect(hallucinated('Yes, he is.', 'Is Mr. Hirano in on Tuesday?')).toBe(false)
    expect(hallucinated('He is, yes.', 'Is Mr. Hirano in on Friday?')).toBe(true)
    expect(hallucinated('はい、おります。', '工藤さんは土曜日いますか')).toBe(false)
    expect(hallucinated('はい、おります。', '工藤さんは月曜日いますか')).toBe(true)
  })
})

describe('checkPersonDays: "every day except" said of someone', () => {
  const lodge = ['Open every day 8:00-20:00', 'Okuda - caretaker, every day except Wednesdays', 'Tomas - kayak guide, weekends'].join('\n')
  const hallucinated = (response: string) => checkGrounding({ knowledge: lodge, response }).hallucinated

  it('the exception is out of "every day"; it does not deny it (EN, JA)', () => {
    expect(hallucinated('Okuda is here every day except Wednesdays.')).toBe(false)
    expect(hallucinated('奥田は水曜日以外は毎日おります。')).toBe(false)
    expect(hallucinated('Okuda is here every day except Mondays.')).toBe(true)
  })
})

describe('personMentions: a foreign name written in katakana', () => {
  const studio = ['Open 10:00-20:00, closed on Mondays', 'Tomas - wheel truing, Wednesdays and Sundays', 'Ingrid - rentals, Fridays only'].join('\n')
  const hallucinated = (response: string) => checkGrounding({ knowledge: studio, response }).hallucinated

  it('トーマス is Tomas, イングリッド is Ingrid: their days are checked', () => {
    expect(hallucinated('トーマスは水曜日と日曜日に出勤しております。')).toBe(false)
    expect(hallucinated('トーマスは金曜日も出勤しております。')).toBe(true)
    expect(hallucinated('イングリッドさんは金曜日におります。')).toBe(false)
    expect(hallucinated('イングリッドさんは水曜日におります。')).toBe(true)
  })
})
