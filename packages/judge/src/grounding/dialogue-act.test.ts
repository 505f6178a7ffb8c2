import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { dialogueActOf, type DialogueAct } from './dialogue-act.ts'

const ACTS: ReadonlyArray<readonly [DialogueAct, string, string]> = [
  ['greeting', 'Good morning, and thanks for calling!', 'お電話ありがとうございます。'],
  ['offer-to-help', "I'd be happy to help with that.", '何か他にご質問がございましたらお知らせください。'],
  ['let-me-check', 'Let me check that for you.', '少々お待ちください。'],
  ['question', 'Would you like to book a session?', 'ご予約はいつがよろしいですか？'],
  ['handoff', 'I can transfer you to our front desk.', '担当者におつなぎいたします。'],
  ['acknowledgement', 'All right.', 'かしこまりました。'],
  ['closing', 'Have a great day!', 'よろしくお願いいたします。'],
  ['apology', "I'm sorry about that.", '申し訳ございません。'],
  ['request', 'Please bring your membership card.', '保険証をお持ちください。'],
]

describe('dialogueActOf', () => {
  it.each(ACTS)('%s (EN and JA)', (act, english, japanese) => {
    expect(dialogueActOf(english)).toBe(act)
    expect(dialogueActOf(japanese)).toBe(act)
  })

  it('"Did you know (that) X?" states X (a factive verb); "Do you know where …?" asks', () => {
    expect(dialogueActOf('Did you know that the lighthouse was built in 1871?')).toBeUndefined()
    expect(dialogueActOf('Oh, did you know it glows in the dark?')).toBeUndefined()
    expect(dialogueActOf('Do you know where the old harbour is?')).toBe('question')
    expect(dialogueActOf('Did you know about it?')).toBe('question')
    expect(checkGrounding({ knowledge: 'The lighthouse was built in 1871 on a granite reef.', context: 'I love lighthouses.', response: 'Did you know it was built in 1902?' }).hallucinated).toBe(true)
  })

  it('what the agent could not do for the caller is a self-report, not a fact about the business', () => {
    expect(dialogueActOf('I could not find an appointment for Sasaki.')).toBe('self-report')
  })

  it('a fact after a courtesy word or an apology is still a fact', () => {
    expect(dialogueActOf('Sure, we open at nine.')).toBeUndefined()
    expect(dialogueActOf("Sorry, pets aren't allowed.")).toBeUndefined()
    expect(dialogueActOf('申し訳ございませんが、駐車場はございません。')).toBeUndefined()
  })
})

describe('the built-in check abstains on dialogue acts', () => {
  it('a reply of greetings, offers and questions makes no claim, whatever the knowledge', () => {
    for (const [, english, japanese] of ACTS) {
      for (const response of [english, japanese]) {
        const result = checkGrounding({ knowledge: 'Personal training (45 minutes): ¥6,000', response })
        expect({ response, hallucinated: result.hallucinated, unsettled: result.unsettled }).toEqual({ response, hallucinated: false, unsettled: [] })
      }
    }
  })
})
