import { describe, expect, it } from 'vitest'
import { rememberRecent } from './remember-recent.ts'

describe('rememberRecent', () => {
  it('computes a text once while it is recent, and again after the memory filled up and was forgotten', () => {
    const reads: string[] = []
    const read = rememberRecent((text: string) => {
      reads.push(text)
      return text.toUpperCase()
    }, 2)
    expect([read('a'), read('a'), read('b'), read('a')]).toEqual(['A', 'A', 'B', 'A'])
    expect(reads).toEqual(['a', 'b'])
    read('c') // full: forgets a and b
    expect(read('a')).toBe('A')
    expect(reads).toEqual(['a', 'b', 'c', 'a'])
  })

  it('does not keep very long texts (a whole knowledge base)', () => {
    let count = 0
    const read = rememberRecent((text: string) => {
      count += 1
      return text.length
    })
    const long = 'x'.repeat(5000)
    expect(read(long)).toBe(5000)
    expect(read(long)).toBe(5000)
    expect(count).toBe(2)
  })
})
