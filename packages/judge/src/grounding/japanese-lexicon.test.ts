import { describe, expect, it } from 'vitest'
import { japaneseWords } from './japanese-lexicon.ts'

const words = (text: string) => japaneseWords(text).map((found) => found.word)

describe('japaneseWords: dictionary segmentation with the EDICT lexicon', () => {
  it('splits a kanji or katakana run into the longest words the lexicon holds, okurigana included', () => {
    expect(words('月極めロッカーの料金')).toEqual(['月極め', 'ロッカー', '料金'])
    expect(words('体組成測定をご希望ですか')).toEqual(['体組成', '測定', '希望'])
  })

  it('gives each word the glosses of its first sense, most usual first', () => {
    expect(japaneseWords('夕ご飯').at(0)?.english).toEqual([['evening', 'meal'], ['dinner'], ['supper']])
    expect(japaneseWords('薬剤師').at(0)?.english.flat()).toContain('pharmacist')
  })

  it('reads a common one-kanji noun where it stands alone (お席で → 席 seat, 猫ちゃん → 猫 cat), not inside a compound or as a function word', () => {
    expect(words('お席でどうぞ')).toEqual(['席'])
    expect(japaneseWords('猫ちゃんの爪切り').at(0)?.english.flat()).toContain('cat')
    expect(words('座席指定')).toEqual(['座席', '指定'])
    expect(words('こちらの方は8時からです')).toEqual([])
  })

  it('leaves out counted words (一回, 三日, 二名) and text without kanji or katakana', () => {
    expect(words('一回、三日、二名')).toEqual([])
    expect(words('はい、だいじょうぶです')).toEqual([])
    expect(words('Open at 9 am')).toEqual([])
  })
})
