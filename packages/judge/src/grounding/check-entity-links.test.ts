import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'

const KNOWLEDGE =
  'The Harbour Bridge opened in 1932 and links the old town with Northport. It was designed by Rosa Lindqvist, an engineer from Malmo. The Grey Ferry Company ran boats across the bay until 1950.'

describe('unlinkedPair: names one reply sentence relates must be named together in the knowledge', () => {
  it('two names the knowledge never relates make the sentence unsupported', () => {
    const result = checkGrounding({ knowledge: KNOWLEDGE, context: 'Who designed the bridge?', response: 'Rosa Lindqvist designed the boats of the Grey Ferry Company.' })
    expect(result.hallucinated).toBe(true)
  })

  it('names linked through a sentence that goes on with a pronoun are related ("It was designed by …")', () => {
    const result = checkGrounding({ knowledge: KNOWLEDGE, context: 'Who designed the bridge?', response: 'The Harbour Bridge was designed by Rosa Lindqvist.' })
    expect(result.hallucinated).toBe(false)
  })

  it('names in different sentences of the reply are not paired', () => {
    const result = checkGrounding({ knowledge: KNOWLEDGE, context: 'Tell me about the bay.', response: 'The Harbour Bridge links the old town with Northport. The Grey Ferry Company ran boats across the bay.' })
    expect(result.hallucinated).toBe(false)
  })
})
