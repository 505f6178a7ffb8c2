import { describe, expect, it } from 'vitest'
import { extractNameClaims } from './name-claims.ts'

const names = (text: string) => extractNameClaims(text, () => false).map((claim) => claim.text)

describe('extractNameClaims', () => {
  it('a preposition or a quantifier that opens a fragment is not part of the name ("From Iceland!", "Both Ann Lee and …")', () => {
    expect(names('From Iceland! It is a long way.')).toEqual(['Iceland'])
    expect(names('Since Tuesday Harper Lee has been away.')).toContain('Harper Lee')
  })

  it('a possessive or object pronoun that opens a sentence is not part of a name ("His Bible …", "Their Majesties")', () => {
    expect(names('His Symphony No. 9 premiered in Vienna.')).not.toContain('His Symphony No')
    expect(names('Their Museum opened later.')).not.toContain('Their Museum')
  })

  it('keeps a name whose words are all capitalised, and a possessive off it', () => {
    expect(names("It was Gustave Eiffel's company.")).toEqual(["Gustave Eiffel's"])
  })

  it('a plural day name is no part of a name ("On Fridays Dr. Okabe …")', () => {
    expect(names('On Fridays Dr. Okabe sees patients.')).toEqual(['Dr. Okabe'])
  })
})
