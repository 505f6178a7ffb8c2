import { describe, expect, it } from 'vitest'
import { fillTemplate, fillTemplateWithSlots } from './fill-template.ts'
import { parseKnowledgeBase } from './knowledge-base.ts'

const knowledgeBase = parseKnowledgeBase({
  version: 1,
  facts: { business: { name: 'Sakura Dental Clinic', 'name-ja': 'さくら歯科' }, prices_yen: { cleaning: 5000, whitening: 30000 }, hours: { saturday: '09:00-13:00' } },
})

describe('fillTemplate', () => {
  it('fills placeholders with fact values, numbers as written in the YAML', () => {
    expect(fillTemplate('A cleaning is {facts.prices_yen.cleaning} yen; Saturday {facts.hours.saturday}.', knowledgeBase)).toBe('A cleaning is 5000 yen; Saturday 09:00-13:00.')
  })

  it('accepts any key characters a YAML key may have, and leaves other braces alone', () => {
    expect(fillTemplate('{facts.business.name-ja} {name} {facts} {}', knowledgeBase)).toBe('さくら歯科 {name} {facts} {}')
  })

  it('throws naming the placeholder, the template and the fix when a placeholder names no value', () => {
    expect(() => fillTemplate('Call {facts.business.phone}.', knowledgeBase)).toThrow(
      expect.objectContaining({ code: 'placeholder_unknown', message: 'unknown placeholder {facts.business.phone} in template "Call {facts.business.phone}.": there is no fact at facts.business.phone; add it under "facts" or fix the path' }),
    )
    expect(() => fillTemplate('{facts.prices_yen}', knowledgeBase)).toThrow('facts.prices_yen is a mapping, not a value; name one of its keys (facts.prices_yen.cleaning, facts.prices_yen.whitening)')
    expect(() => fillTemplate('{facts.constructor}', knowledgeBase)).toThrow('there is no fact at facts.constructor')
  })
})

describe('fillTemplateWithSlots', () => {
  it('says which fact filled which span of the text', () => {
    const filled = fillTemplateWithSlots('{facts.business.name}: cleaning {facts.prices_yen.cleaning} yen, whitening {facts.prices_yen.whitening} yen.', knowledgeBase)
    expect(filled.text).toBe('Sakura Dental Clinic: cleaning 5000 yen, whitening 30000 yen.')
    expect(filled.slots).toEqual([
      { factPath: 'business.name', value: 'Sakura Dental Clinic', start: 0 },
      { factPath: 'prices_yen.cleaning', value: '5000', start: 31 },
      { factPath: 'prices_yen.whitening', value: '30000', start: 51 },
    ])
    for (const slot of filled.slots) expect(filled.text.slice(slot.start, slot.start + slot.value.length)).toBe(slot.value)
  })
})
