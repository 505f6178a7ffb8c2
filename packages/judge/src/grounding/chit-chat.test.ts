import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { isChitChat } from './chit-chat.ts'

describe('isChitChat', () => {
  it.each(['Oh, I love that!', 'What a great thing to try!', "That's so exciting!", 'Lucky you!', 'How wonderful.', 'Sounds like a fun weekend.', 'Wow, that must have been beautiful.', 'I find that remarkable.', 'No wonder they are popular!', 'Clever little birds.', 'Handy when the tide goes out.', 'Kind of like a natural umbrella.', 'Makes sense.', 'Sort of like a built-in weather vane on the roof.'])(
    '"%s" is a reaction',
    (sentence) => {
      expect(isChitChat(sentence)).toBe(true)
    },
  )

  it.each(["That's right, the tower is 330 metres tall.", "It's the second largest planet in the solar system by far.", 'Penguins cannot fly.', "It's 42 kilometres long."])(
    '"%s" may state a fact',
    (sentence) => {
      expect(isChitChat(sentence)).toBe(false)
    },
  )

  it('a reply that reacts and then restates the knowledge is not a hallucination', () => {
    const knowledge = 'Sea otters hold hands while sleeping so that they do not drift apart. They use stones to crack open shellfish.'
    expect(checkGrounding({ knowledge, context: 'Do sea otters really hold hands?', response: 'Isn’t that adorable? Yes, they hold hands while sleeping so they do not drift apart. What a sweet habit!' }).hallucinated).toBe(false)
  })
})
