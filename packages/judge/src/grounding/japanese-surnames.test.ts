import { describe, expect, it } from 'vitest'
import { japaneseSurnames, surnameReading } from './japanese-surnames.ts'
import { subjectTerms } from './subject-terms.ts'

const found = (text: string) => japaneseSurnames(text).map((surname) => `${surname.name}:${surname.reading}`)

describe('japaneseSurnames: family names in kanji and their readings', () => {
  it('a name before a title or a particle, with or without honorifics', () => {
    expect(found('田中先生は水曜日です')).toEqual(['田中:tanaka'])
    expect(found('担当は山口でございます。')).toEqual(['山口:yamaguchi'])
    expect(found('受付の上田さんと石井さんにお伝えします')).toEqual(['上田:ueda', '石井:ishii'])
    expect(found('佐々木様のご予約')).toEqual(['佐々木:sasaki'])
  })

  it('a one-kanji name only before a title or a particle; no name inside a longer kanji word', () => {
    expect(found('林コーチが担当します')).toEqual(['林:hayashi'])
    expect(found('森は本日お休みです')).toEqual(['森:mori'])
    expect(found('森林公園の近くです')).toEqual([])
    expect(found('上野駅から徒歩5分')).toEqual([])
    expect(found('小林先生')).toEqual(['小林:kobayashi'])
  })

  it('reads a listed name and nothing else', () => {
    expect(surnameReading('遠藤')).toBe('endo')
    expect(surnameReading('受付')).toBeUndefined()
  })

  it('a Japanese text\'s subject terms include the reading, so 河合先生 meets "Dr. Kawai"', () => {
    expect(subjectTerms('河合先生は火曜日です').has('kawai')).toBe(true)
    expect(subjectTerms('Dr. Kawai works on Tuesdays').has('kawai')).toBe(true)
  })
})
