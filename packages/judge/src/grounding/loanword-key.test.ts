import { describe, expect, it } from 'vitest'
import { englishKey, katakanaKey } from './loanword-key.ts'

describe('loanword keys: a katakana word meets the English word it transcribes', () => {
  it.each([
    ['パッキング', 'packing'],
    ['フロント', 'front'],
    ['シャンプー', 'shampoo'],
    ['レンタル', 'rental'],
    ['トリートメント', 'treatment'],
    ['ステーション', 'station'],
    ['バッテリー', 'battery'],
    ['ヴィンテージ', 'vintage'],
    ['チェックアウト', 'checkout'],
  ])('%s ~ %s', (katakana, english) => {
    expect(katakanaKey(katakana)).toBe(englishKey(english))
  })

  it.each([
    ['パッキング', 'banking'],
    ['レンタル', 'dental'],
    ['シャンプー', 'champion'],
    ['トラック', 'track suit'],
  ])('%s is not %s', (katakana, english) => {
    expect(katakanaKey(katakana)).not.toBe(englishKey(english))
  })

  it('has no key for text that is not katakana', () => {
    expect(katakanaKey('駐車場')).toBe('')
  })
})
