import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { matchIntent } from './match-intent.ts'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const clinic = parseKnowledgeBase(parse(readFileSync(knowledgeFixture('clinic'), 'utf8')))

describe('matchIntent on the clinic knowledge base', () => {
  it.each([
    ['What time do you open on Saturday?', 'hours'],
    ['How much is a cleaning?', 'price'],
    ['Where are you located?', 'address'],
    ['Is whitening covered by insurance?', 'insurance'],
    ["I'd like to book an appointment", 'booking'],
    ['I need to cancel my appointment', 'cancel'],
    ['Can I talk to a human please', 'human'],
    ['Thanks, bye!', 'goodbye'],
    ['Do you sell toothbrushes?', 'fallback'],
    ['土曜日は何時まで営業していますか', 'hours'],
    ['クリーニングの料金はいくらですか', 'price'],
    ['予約をキャンセルしたいです', 'cancel'],
    ['予約をお願いします', 'booking'],
    ['ＢＯＯＫ an appointment', 'booking'],
  ])('%s → %s', (text, intent) => {
    expect(matchIntent(text, clinic.intents)).toBe(intent)
  })

  it('matches English keywords at word starts only', () => {
    expect(matchIntent('my notebook is broken', clinic.intents)).toBe('fallback')
  })
})
