import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { indexKnowledge } from '../knowledge/knowledge-index.ts'
import { unknownPlace } from './unknown-place.ts'

const inn = 'Smoking area on the second-floor balcony / 喫煙は2階バルコニーのみ\nAll rooms non-smoking\nBreakfast in the garden lounge, 7:00-9:30\nParking: 6 spaces behind the building'
const statuses = (response: string, context?: string) =>
  checkGrounding({ knowledge: inn, response, ...(context === undefined ? {} : { context }) })
    .claims.filter((claim) => claim.type === 'statement')
    .map((claim) => claim.status)

describe('unknownPlace: the word that singles out a place the knowledge never names', () => {
  const index = indexKnowledge(inn)

  it('reads the words right before a place noun (EN) or a kanji word before one (JA)', () => {
    expect(unknownPlace('You can smoke on the third-floor balcony.', index)).toBe('third')
    expect(unknownPlace('Breakfast is served in the rooftop lounge.', index)).toBe('rooftop')
    expect(unknownPlace('喫煙は屋上のバルコニーでお願いします。', index)).toBe('屋上')
  })

  it('a place the knowledge names, an article or a possessive singles out nothing new', () => {
    expect(unknownPlace('You can smoke on the second-floor balcony.', index)).toBeUndefined()
    expect(unknownPlace('Breakfast is in our garden lounge.', index)).toBeUndefined()
    expect(unknownPlace('Please use the balcony.', index)).toBeUndefined()
    expect(unknownPlace('テラス席でお召し上がりいただけます。', index)).toBeUndefined()
  })

  it('Japanese words are not looked up in knowledge written only in English', () => {
    expect(unknownPlace('屋上のバルコニーです。', indexKnowledge('Smoking area on the balcony\nNo pets\nOpen daily'))).toBeUndefined()
  })
})

describe('a statement about the business that names a place the knowledge does not hold is unsupported', () => {
  it('an invented place for what the knowledge places elsewhere (EN, JA)', () => {
    expect(statuses('Guests can smoke on the rooftop balcony.')).toContain('unsupported')
    expect(statuses('We have smoking rooms on the top floor.')).toContain('unsupported')
    expect(statuses('喫煙は屋上のバルコニーでご利用いただけます。')).toContain('unsupported')
  })

  it('the place the knowledge names, a denial, and a question back are not', () => {
    expect(statuses('You can smoke on the second-floor balcony.')).not.toContain('unsupported')
    expect(statuses("There's no smoking on the rooftop balcony.")).not.toContain('unsupported')
    expect(statuses('Would you like a table on the rooftop balcony?')).toEqual([])
  })
})
