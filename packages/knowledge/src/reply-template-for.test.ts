import { describe, expect, it } from 'vitest'
import { detectLanguage } from './detect-language.ts'
import { replyTemplateFor } from './reply-template-for.ts'

describe('replyTemplateFor', () => {
  const intent = { reply: 'We open at {facts.hours.monday}.', replies: { ja: '{facts.hours.monday}に開きます。' } }

  it('picks the reply in the caller language, its base language, or the default reply', () => {
    expect(replyTemplateFor(intent, 'ja')).toBe('{facts.hours.monday}に開きます。')
    expect(replyTemplateFor(intent, 'ja-JP')).toBe('{facts.hours.monday}に開きます。')
    expect(replyTemplateFor(intent, 'fr')).toBe('We open at {facts.hours.monday}.')
    expect(replyTemplateFor({ reply: 'Hi' }, 'ja')).toBe('Hi')
  })
})

describe('detectLanguage', () => {
  it.each([
    ['土曜日は何時までですか', 'ja'],
    ['クリーニング', 'ja'],
    ['ありがとう', 'ja'],
    ['What time do you open?', 'en'],
    ['１２３', 'en'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })
})
