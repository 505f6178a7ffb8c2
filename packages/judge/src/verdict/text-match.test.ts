import { describe, expect, it } from 'vitest'
import { replySimilarity, replyTokens, tokenSimilarity } from './text-match.ts'

describe('replyTokens', () => {
  it('reads a reply once: the same text gives back the same tokens', () => {
    const reply = 'Our bakery opens at seven every morning.'
    const first = replyTokens(reply)
    expect(replyTokens(reply)).toBe(first)
    expect(replyTokens('Our bakery closes at three.')).not.toBe(first)
    // The remembered set is the reading of this text, not of the last one read.
    expect(tokenSimilarity(replyTokens(reply), first, reply, reply)).toBe(1)
  })

  it('compares English by content words and Japanese by character pairs', () => {
    expect(replySimilarity('The bakery opens at seven.', 'The bakery opens at seven!')).toBe(1)
    expect(replySimilarity('The bakery opens at seven.', 'Parking is behind the station.')).toBe(0)
    expect(replySimilarity('パン屋は七時に開きます。', 'パン屋は七時に開きます')).toBe(1)
    expect(replySimilarity('パン屋は七時に開きます。', '駐車場は駅の裏です。')).toBeLessThan(0.2)
  })
})
