import { describe, expect, it } from 'vitest'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { checkGrounding } from '../check-grounding.ts'

const hallucinated = (knowledge: Parameters<typeof checkGrounding>[0]['knowledge'], response: string) => checkGrounding({ knowledge, response }).hallucinated

describe('"any" / "all" of a kind the knowledge names only some of is an overstatement', () => {
  const sheet = 'Delivery to Minato and Shibuya wards only\nWe accept Visa and Mastercard\nFree refills on drip coffee'
  const base = parseKnowledgeBase('version: 1\nfacts:\n  partner_gyms: Tokyo Fit and Peak Sports\n  lockers: included free\n', 'shop.yaml')

  it('against a line that restricts it ("only", 「のみ」) or a fact that lists members (EN, JA)', () => {
    expect(hallucinated(sheet, 'We deliver to any ward in Tokyo.')).toBe(true)
    expect(hallucinated('港区と渋谷区のみ配達可能です。\n営業時間は10時から19時です。\n駐車場はございません。', 'すべての区に配達できます。')).toBe(true)
    expect(hallucinated(base, 'You can use any partner gym.')).toBe(true)
  })

  it('not against prose, which names examples, not all there is', () => {
    // (Words prose lacks are the free-text answer check's to weigh: only an overstatement names an entry.)
    const claims = checkGrounding({ knowledge: 'The festival has stalls from Osaka and Kyoto only this year.', response: 'Stalls come from all the prefectures.' }).claims
    expect(claims.filter((claim) => claim.status === 'unsupported' && claim.evidence?.path !== undefined)).toEqual([])
  })

  it('not when the knowledge says it for all, the value is a bare status, or "every" counts ("every 100 yen", "every day")', () => {
    expect(hallucinated(sheet, 'Refills on any drip coffee are free.')).toBe(false)
    expect(hallucinated(base, 'All lockers are free.')).toBe(false)
    expect(hallucinated('Points: 1 point per 100 yen', 'You get a point for every 100 yen.')).toBe(false)
    expect(hallucinated('全席禁煙です。\nドリンクはすべてテイクアウト可能です。', 'すべてのドリンクがテイクアウトできます。')).toBe(false)
  })
})
