import { fileURLToPath } from 'node:url'
import { loadKnowledgeBase, type KnowledgeBase } from '@voxguard/knowledge'
import { beforeAll, expect, it } from 'vitest'
import { matchIntentByKeywords } from './match-intent-by-keywords.ts'

let knowledgeBase: KnowledgeBase
beforeAll(async () => {
  knowledgeBase = await loadKnowledgeBase(fileURLToPath(new URL('../knowledge.yaml', import.meta.url)))
})

it.each([
  ["Thank you, that's all. Goodbye.", 'goodbye'],
  ['ありがとうございました、失礼します', 'goodbye'],
  ['How much is a cleaning?', 'price'],
  ['What time do you open on Saturday?', 'hours'],
  ['Please cancel it', 'cancel'],
  ['ＢＯＯＫＩＮＧ please', 'booking'],
])('%s → %s', (text, intent) => {
  expect(matchIntentByKeywords(text, knowledgeBase.intents)).toBe(intent)
})

it('gives no intent when nothing matches, a keyword is only inside a word, or two intents tie (a guess must not hang up)', () => {
  expect(matchIntentByKeywords('Hmm, let me think', knowledgeBase.intents)).toBeUndefined()
  expect(matchIntentByKeywords('my notebook', knowledgeBase.intents)).toBeUndefined()
  // goodbye ("thanks") and booking ("book") score one each.
  expect(matchIntentByKeywords('Thanks, can I book?', knowledgeBase.intents)).toBeUndefined()
})
