import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

/** A fictional flower shop and café, written for these tests: once as a knowledge base, once as free text. */
const yaml = parseKnowledgeBase({
  version: 1,
  facts: {
    hours: { tuesday_to_saturday: '10:00-19:00', sunday: '10:00-17:00', monday: 'closed' },
    cafe: { hours: '11:00-16:00', closed: 'Wednesdays' },
    delivery: { days: 'weekdays only' },
    staff: { florist: 'Mr. Yamamoto', florist_days: 'Tuesday to Friday' },
  },
  vocabulary: { cafe: ['café', 'cafe', 'カフェ'], delivery: ['delivery', 'deliver', '配達'], florist: ['florist', '山本', 'Yamamoto'] },
})
const text = [
  'Open Tuesday to Saturday 10:00-19:00, Sunday 10:00-17:00, closed Mondays',
  'Café: 11:00-16:00, closed on Wednesdays',
  'Delivery on weekdays only',
  'Florist Mr. Yamamoto (Tuesday to Friday)',
].join('\n')

function verdicts(response: string, context = ''): [boolean, boolean] {
  return [checkGrounding({ knowledge: yaml, context, response }).hallucinated, checkGrounding({ knowledge: text, context, response }).hallucinated]
}

describe('verifyWeekday', () => {
  it('a closing-day key or line closes its days for what it is about (EN, JA)', () => {
    expect(verdicts('The café is closed on Wednesdays.')).toEqual([false, false])
    // Japanese against English free text needs the knowledge base's vocabulary (カフェ → café): the YAML form has it.
    expect(verdicts('カフェは水曜日が定休日です。')[0]).toBe(false)
    expect(verdicts('カフェは木曜日が定休日です。')[0]).toBe(true)
    expect(verdicts('The café is closed on Thursdays.')).toEqual([true, true])
    // A day the café's closing-days entry does not name is open.
    expect(verdicts('The café is open on Fridays.')).toEqual([false, false])
    expect(verdicts('The café is open every day except Thursdays.')).toEqual([true, true])
  })

  it('a compound day key (`tuesday_to_saturday`) gives each day its hours', () => {
    expect(verdicts("We're open Tuesday to Saturday from ten to seven.")).toEqual([false, false])
    expect(verdicts("We're open every day.")).toEqual([true, true])
  })

  it("a day said to be off for someone must not be theirs; a day said to be theirs must be (EN, JA)", () => {
    expect(verdicts('Mr. Yamamoto works Tuesday to Friday, so he is not in on Mondays.', 'Is the florist in on Monday?')).toEqual([false, false])
    expect(verdicts("I'm afraid Mr. Yamamoto isn't in on Thursdays.", 'Is the florist in on Thursday?')).toEqual([true, true])
    expect(verdicts('山本は土曜日はおりません。', '花屋の山本さんは土曜日いますか')).toEqual([false, false])
    expect(verdicts('はい、山本は毎日おります。', '山本さんは毎日いますか')).toEqual([true, true])
  })

  it('"only" is read against a service\'s days; a closing day of the service must not be one of them', () => {
    expect(verdicts('配達は土日のみです。')).toEqual([true, true])
    expect(verdicts('We deliver on weekdays only.')).toEqual([false, false])
    expect(verdicts('We deliver only on Mondays.')).toEqual([true, true])
    expect(verdicts('Delivery is closed on Sundays.')).toEqual([false, false])
  })

  it('a denial no person check reads settles nothing: unsettled, not a hallucination', () => {
    for (const response of ["We don't take wedding orders on Sundays.", "Sorry, we don't deliver on Tuesdays."]) {
      const result = checkGrounding({ knowledge: yaml, response })
      expect(result.claims.find((claim) => claim.type === 'weekday')?.status).toBe('unsettled')
      expect(result.hallucinated).toBe(false)
    }
  })
})
