import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from './check-grounding.ts'
import { parseKnowledgeBase, type KnowledgeBase } from '@voxguard/knowledge'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeFile = knowledgeFixture('clinic')
const knowledge = parseKnowledgeBase(readFileSync(knowledgeFile, 'utf8'), knowledgeFile)

function check(context: string, response: string) {
  const result = checkGrounding({ knowledge, context, response })
  return { result, summary: result.claims.map((claim) => `${claim.status} ${claim.type} ${claim.text}${claim.evidence?.path ? ` @${claim.evidence.path}=${claim.evidence.value}` : ''}`) }
}

describe('checkGrounding against a knowledge base (English)', () => {
  it('supports Saturday hours that match facts.hours.saturday', () => {
    const { result, summary } = check('What time do you open on Saturday?', 'On Saturday we are open from 9:00 to 13:00.')
    expect(result).toMatchObject({ hallucinated: false, score: 1 })
    expect(summary).toEqual(['supported weekday Saturday @facts.hours.saturday=09:00-13:00', 'supported time-range 9:00 to 13:00 @facts.hours.saturday=09:00-13:00'])
  })

  it('contradicts a closing time that differs for the same day, naming the entry', () => {
    const { result, summary } = check('When do you close on Saturday?', 'On Saturday we close at 5 pm.')
    expect(result.hallucinated).toBe(true)
    expect(summary).toContain('contradicted time 5 pm @facts.hours.saturday=09:00-13:00')
  })

  it('is subject-aware: the checkup price said for a cleaning is a contradiction, not a match', () => {
    const { summary } = check('How much is a cleaning?', 'A cleaning is 3,000 yen.')
    expect(summary).toEqual(['contradicted price 3,000 yen @facts.prices_yen.cleaning=5000'])
  })

  it('takes the subject from the caller when the reply names only the kind ("we close at 6 pm" after a Saturday question)', () => {
    expect(check('When do you close on Saturday?', 'We close at 6 pm.').summary).toEqual(['contradicted time 6 pm @facts.hours.saturday=09:00-13:00'])
    expect(check('When do you close on Saturday?', 'We close at 1 pm.').summary).toEqual(['supported time 1 pm @facts.hours.saturday=09:00-13:00'])
  })

  it('takes the subject from the caller when the reply has none ("It is 5,000 yen")', () => {
    expect(check('How much is a cleaning?', "It's 5,000 yen.").summary).toEqual(['supported price 5,000 yen @facts.prices_yen.cleaning=5000'])
    expect(check('How much is a cleaning?', "It's $50.").result.hallucinated).toBe(true)
  })

  it('expands weekday ranges: "Monday to Friday 9 to 6" contradicts Wednesday and Friday hours', () => {
    const { result, summary } = check('hours?', 'We are open Monday to Friday 9 to 6.')
    expect(result.hallucinated).toBe(true)
    expect(summary.find((line) => line.startsWith('contradicted time-range 9 to 6'))).toMatch(/facts\.hours\.(wednesday|friday)/)
  })

  it('contradicts opening on a closed day (the day, the time, and the "yes" to the question)', () => {
    expect(check('Are you open on Sunday?', 'Yes, we are open on Sundays from 10 am.').summary).toEqual([
      'contradicted weekday Sundays @facts.hours.sunday=closed',
      'contradicted time 10 am @facts.hours.sunday=closed',
      'contradicted statement Yes, we are open on Sundays from 10 am. @facts.hours.sunday=closed',
    ])
  })

  it('accepts a booking time inside the day\'s hours and rejects one outside', () => {
    expect(check('Can I come Tuesday at 3 pm?', 'Yes, Tuesday at 3 pm works.').result.hallucinated).toBe(false)
    expect(check('Can I come Wednesday at 3 pm?', 'Yes, Wednesday at 3 pm works.').summary).toContain('contradicted time 3 pm @facts.hours.wednesday=09:00-12:00')
  })

  it('checks durations, fees, phone numbers and addresses against their entries', () => {
    expect(check('cancel', 'Cancellations less than 48 hours before cost 2,000 yen.').summary).toEqual([
      'contradicted duration 48 hours @facts.appointment.cancellation_notice_hours=24',
      'supported price 2,000 yen @facts.appointment.late_cancellation_fee_yen=2000',
    ])
    expect(check('phone?', 'Our number is 03-9999-0000.').summary).toEqual(['contradicted phone 03-9999-0000 @facts.business.phone=03-1234-5678'])
    expect(check('where?', 'We are at 3-1-1 Dogenzaka.').summary).toContain('contradicted address 3-1-1 @facts.business.address=2-14-3 Dogenzaka, Shibuya-ku, Tokyo')
  })

  it('checks names: known staff supported, a different director contradicted, an unknown name unsupported', () => {
    expect(check('who?', 'Dr. Kenji Sato will see you.').result.hallucinated).toBe(false)
    expect(check('who?', 'Our director is Dr. Emily Brown.').summary).toContain('contradicted name Dr. Emily Brown @facts.staff.director=Dr. Haruka Tanaka')
    expect(check('who?', 'Dr. Kenji Suzuki will see you.').summary).toContain('unsupported name Dr. Kenji Suzuki')
  })

  it('checks policy statements by polarity', () => {
    expect(check('insurance?', 'Whitening is not covered by insurance.').result.hallucinated).toBe(false)
    expect(check('insurance?', 'Whitening is covered by insurance.').summary).toEqual(['contradicted statement Whitening is covered by insurance. @policies[1]=Whitening is not covered by insurance.'])
    expect(check('kids?', 'Children are welcome from age 5.').summary).toEqual(['contradicted count from age 5 @policies[4]=Children are welcome from age 3.'])
  })

  it('"free" is a price of zero: free parking the knowledge does not back is unsupported; offers, questions and greetings are not claims', () => {
    const added = check('Can I speak to someone?', 'Of course, I will connect you to our receptionist. Parking is free for patients.')
    // The clinic has no parking: the sentence also affirms what a policy denies.
    expect(added.summary).toEqual(['unsupported price free of charge', 'contradicted statement Parking is free of charge for patients. @policies[3]=Parking is not available; use the coin parking behind the building.'])
    expect(check('book', 'I can book that for you. What day and time would you like?').result).toMatchObject({ hallucinated: false, claims: [] })
  })

  it('a statement no rule can settle is unsettled: reported, not a hallucination unless strict', () => {
    const response = 'Our waiting room has a lovely view of the park.'
    const lenient = checkGrounding({ knowledge, context: 'Tell me about the clinic', response })
    expect(lenient).toMatchObject({ hallucinated: false, unsettled: [response], claims: [expect.objectContaining({ status: 'unsettled', supported: false })] })
    expect(checkGrounding({ knowledge, context: 'Tell me about the clinic', response, strict: true }).hallucinated).toBe(true)
  })

  it('an invented service ("we offer X" where the knowledge names no X) and a booking no tool made are unsupported', () => {
    expect(check('Do you do braces?', 'Yes, we also offer orthodontic braces.').summary).toEqual(['unsupported statement Yes, we also offer orthodontic braces.'])
    expect(check('Book me in', 'Sure, you are booked.').summary).toEqual(['unsupported statement Sure, you are booked.'])
  })

  it('acknowledgements and closings are not claims ("All right.", "Have a nice day!")', () => {
    expect(check('No, thanks.', 'All right. Is there anything else I can help you with?').result).toMatchObject({ hallucinated: false, claims: [] })
    expect(check('That is all.', 'Have a nice day! Take care.').result).toMatchObject({ hallucinated: false, claims: [] })
  })

  it('keypad menu digits are not claims', () => {
    expect(check('', 'Press 1 to book an appointment, 2 for our opening hours, or 0 to speak to a receptionist.').result.hallucinated).toBe(false)
  })

  it('flags a claim nothing in the knowledge relates to as unsupported; a length of something it gives no length for is unsettled', () => {
    expect(check('braces?', 'Braces are 400,000 yen.').summary).toEqual(['unsupported price 400,000 yen'])
    // A length contradicts only a length of the same thing: the knowledge says how long no whitening takes.
    expect(check('whitening?', 'Whitening takes about 90 minutes.').summary).toEqual(['unsettled duration 90 minutes'])
  })

  it('values the caller said count as support when the knowledge base does not contradict them', () => {
    const result = checkGrounding({ knowledge, context: ['I would like March 3 please'], response: 'Great, March 3 it is.' })
    expect(result.claims).toEqual([expect.objectContaining({ type: 'date', status: 'supported', evidence: { source: 'context' } })])
    expect(checkGrounding({ knowledge, context: 'Is a cleaning 3,000 yen?', response: 'Yes, a cleaning is 3,000 yen.' }).hallucinated).toBe(true)
  })

  it('values in tool results are supported', () => {
    const result = checkGrounding({ knowledge, context: 'book me', toolData: [{ result: { date: '2026-03-03', time: '10:30' } }], response: 'You are booked on 2026-03-03 at 10:30.' })
    expect(result.hallucinated).toBe(false)
  })

  it('a day or time reported for what a tool did must be the tool\'s, not just inside opening hours; offers are not reports', () => {
    const booked = [{ name: 'book_appointment', arguments: { date: 'Monday', time: '09:30' }, result: { ok: true, message: 'Booked cleaning for Aiko Suzuki on Monday 2026-11-23 at 09:30.' } }]
    const summary = (response: string) => checkGrounding({ knowledge, context: 'A cleaning next Monday at 9:30, please.', toolData: booked, response }).claims.map((claim) => `${claim.status} ${claim.type} ${claim.text}`)
    expect(summary('Your appointment is booked for Monday at 09:30.')).toEqual(['supported weekday Monday', 'supported time 09:30'])
    expect(summary('Your appointment is booked for Tuesday at 09:30.')).toEqual(['contradicted weekday Tuesday', 'supported time 09:30'])
    expect(summary('Your appointment is booked for Monday at 10:30.')).toEqual(['supported weekday Monday', 'contradicted time 10:30'])
    expect(summary('I can also book you on Friday at 10:00 if you prefer.').filter((line) => !line.startsWith('supported'))).toEqual([])
  })

  it('a Japanese report of what a tool did names its verb after the value (「木曜日の16:00に変更しました」)', () => {
    const moved = [{ name: 'move_appointment', arguments: { date: 'Thursday', time: '15:00' }, result: { ok: true } }]
    const summary = (response: string) => checkGrounding({ knowledge, context: '木曜日の午後3時に変更してください', toolData: moved, response }).claims.filter((claim) => claim.type === 'time').map((claim) => claim.status)
    expect(summary('ご予約を木曜日の16:00に変更しました。')).toEqual(['contradicted'])
    expect(summary('ご予約を木曜日の15:00に変更しました。')).toEqual(['supported'])
  })

  it('a price key that names no currency compares the amount only ("prices: cleaning: 50" supports "$50")', () => {
    const shop = parseKnowledgeBase('version: 1\nfacts:\n  prices:\n    cleaning: 50\n    whitening: 300\n  fees_eur:\n    late_cancellation: 20\n', 'shop.yaml')
    const summary = (context: string, response: string) => checkGrounding({ knowledge: shop, context, response }).claims.map((claim) => `${claim.status} ${claim.text} @${claim.evidence?.path}`)
    expect(summary('How much is a cleaning?', 'A cleaning is $50.')).toEqual(['supported $50 @facts.prices.cleaning'])
    expect(summary('How much is a cleaning?', 'A cleaning is $60.')).toEqual(['contradicted $60 @facts.prices.cleaning'])
    expect(summary('What is the late cancellation fee?', 'A late cancellation costs €20.')).toEqual(['supported €20 @facts.fees_eur.late_cancellation'])
    expect(summary('What is the late cancellation fee?', 'A late cancellation costs $20.')).toEqual(['contradicted $20 @facts.fees_eur.late_cancellation'])
  })

  it('parses number words: "five thousand yen" for a cleaning is supported', () => {
    expect(check('How much is a cleaning?', 'A cleaning costs five thousand yen.').result.hallucinated).toBe(false)
  })
})

describe('checkGrounding against a knowledge base (Japanese)', () => {
  it('supports 午前9時から午後1時 for 土曜日 and full-width digits', () => {
    const { result, summary } = check('土曜日は何時までですか', '土曜日は午前９時から午後１時までです。')
    expect(result.hallucinated).toBe(false)
    expect(summary).toContain('supported time-range 午前9時から午後1時まで @facts.hours.saturday=09:00-13:00')
  })

  it('contradicts 午後5時 for Saturday and 三千円 for a cleaning', () => {
    expect(check('土曜日は何時までですか', '土曜日は午後5時までです。').summary).toContain('contradicted time 午後5時 @facts.hours.saturday=09:00-13:00')
    expect(check('クリーニングはいくらですか', 'クリーニングは三千円です。').summary).toEqual(['contradicted price 3000円 @facts.prices_yen.cleaning=5000'])
    expect(check('クリーニングはいくらですか', 'クリーニングは5,000円です。').result.hallucinated).toBe(false)
  })

  it('reads a Latin name a Japanese particle follows, even at the start ("Hikariへのお電話…")', () => {
    expect(check('ありがとう', 'Hikariへのお電話ありがとうございました。失礼いたします。').result.hallucinated).toBe(true)
    expect(check('ありがとう', 'Sakura Dental Clinicへのお電話ありがとうございました。').result.hallucinated).toBe(false)
  })

  it('contradicts a Japanese weekday said to be open when it is closed', () => {
    expect(check('日曜日は開いていますか', '日曜日も営業しています。').summary).toEqual(['contradicted weekday 日曜日 @facts.hours.sunday=closed'])
  })
})

describe('checkGrounding with trade words from the knowledge base\'s vocabulary section', () => {
  const { vocabulary: clinicVocabulary, ...withoutVocabulary } = knowledge
  const ask = (base: KnowledgeBase, response: string, vocabulary?: Record<string, string[]>) => {
    const result = checkGrounding({ knowledge: base, context: 'クリーニングはいくらですか', response, ...(vocabulary ? { vocabulary } : {}) })
    return { hallucinated: result.hallucinated, summary: result.claims.map((claim) => `${claim.status} ${claim.type} ${claim.text}${claim.evidence?.path ? ` @${claim.evidence.path}=${claim.evidence.value}` : ''}`) }
  }

  it('relates a Japanese reply\'s クリーニング to facts.prices_yen.cleaning, so 3,000円 is contradicted', () => {
    expect(clinicVocabulary?.['cleaning']).toContain('クリーニング')
    expect(ask(knowledge, 'クリーニングは3,000円です')).toEqual({ hallucinated: true, summary: ['contradicted price 3,000円 @facts.prices_yen.cleaning=5000'] })
  })

  it('without the section おそうじ relates to no fact: 3,000円 is only "a price", and the checkup\'s 3000 supports it', () => {
    const result = checkGrounding({ knowledge: withoutVocabulary, context: 'おそうじはいくらですか', response: 'おそうじは3,000円です' })
    expect(result.hallucinated).toBe(false)
    expect(result.claims.map((claim) => claim.evidence?.path)).not.toContain('facts.prices_yen.cleaning')
    // A katakana loanword needs no section: クリーニング meets the key "cleaning" by its sound.
    expect(ask(withoutVocabulary, 'クリーニングは3,000円です').summary).toEqual(['contradicted price 3,000円 @facts.prices_yen.cleaning=5000'])
  })

  it('the vocabulary option extends the section (its words add to the section\'s, and win where both list a word)', () => {
    expect(ask(withoutVocabulary, 'クリーニングは3,000円です', { cleaning: ['クリーニング'] }).summary).toEqual(['contradicted price 3,000円 @facts.prices_yen.cleaning=5000'])
    expect(ask(knowledge, 'お掃除は3,000円です', { cleaning: ['お掃除'] }).summary).toEqual(['contradicted price 3,000円 @facts.prices_yen.cleaning=5000'])
    expect(ask(knowledge, 'クリーニングは3,000円です', { cleaning: ['お掃除'] }).summary).toEqual(['contradicted price 3,000円 @facts.prices_yen.cleaning=5000'])
    expect(ask(knowledge, 'クリーニングは3,000円です', { checkup: ['クリーニング'] })).toEqual({ hallucinated: false, summary: ['supported price 3,000円 @facts.prices_yen.checkup=3000'] })
  })

  it('is not a source of claims: a word listed only in the section supports nothing', () => {
    const base = parseKnowledgeBase({ version: 1, facts: { prices_yen: { cleaning: 5000 } }, vocabulary: { whitening: ['whitening', 'ホワイトニング'], cleaning: ['クリーニング'] } })
    expect(checkGrounding({ knowledge: base, context: 'Do you do whitening?', response: 'Yes, we offer whitening.' }).hallucinated).toBe(true)
  })

  it('names the section or the option when a vocabulary is not term → words', () => {
    expect(() => checkGrounding({ knowledge: { ...withoutVocabulary, vocabulary: { cleaning: 'クリーニング' } as never }, context: '', response: 'x' })).toThrow('the knowledge base\'s "vocabulary" section: "cleaning" must be a non-empty list of words (text), got "クリーニング"')
    expect(() => checkGrounding({ knowledge, vocabulary: { cleaning: 'クリーニング' } as never, context: '', response: 'x' })).toThrow('the "vocabulary" option: "cleaning" must be a non-empty list of words (text), got "クリーニング"')
  })
})

describe('checkGrounding against free-text knowledge', () => {
  const text = 'Asa Griggs Candler (December 30, 1851 – March 12, 1929) was an American business tycoon who founded the Coca-Cola Company. He served as the 41st Mayor of Atlanta from 1916 to 1919.'

  it('supports an answer whose names and numbers are in the text', () => {
    expect(checkGrounding({ knowledge: text, context: 'Who founded Coca-Cola?', response: 'Asa Griggs Candler' }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge: text, context: 'When was he born?', response: 'December 30, 1851' }).hallucinated).toBe(false)
  })

  it('flags a year, a name or a word the text does not contain', () => {
    expect(checkGrounding({ knowledge: text, context: 'When was he born?', response: 'December 30, 1861' }).hallucinated).toBe(true)
    expect(checkGrounding({ knowledge: text, context: 'Who founded Coca-Cola?', response: 'John Pemberton' }).hallucinated).toBe(true)
    expect(checkGrounding({ knowledge: text, context: 'What was his job?', response: 'He was a pharmacist.' }).hallucinated).toBe(true)
  })

  it('names the question offered must be linked in the text: a relation between two options nothing links is unsupported', () => {
    const colleges = 'Riverside College is a private college located in the village of Oak Grove, Ohio. Northfield University is a public university in Northfield, Iowa.'
    const question = 'Which college is located in Oak Grove, Riverside College or Northfield University?'
    expect(checkGrounding({ knowledge: colleges, context: question, response: 'Northfield University is located in Oak Grove.' }).hallucinated).toBe(true)
    expect(checkGrounding({ knowledge: colleges, context: question, response: 'Riverside College is located in Oak Grove.' }).hallucinated).toBe(false)
  })

  it('"directed by who?" answered with someone the text names for another role is contradicted', () => {
    const film = 'Northern Lights is a 2011 film directed by Anna Berg and written by Tom Reyes and Lia Park, based on a novel.'
    const question = 'Northern Lights, a 2011 film, was directed by who?'
    expect(checkGrounding({ knowledge: film, context: question, response: 'Tom Reyes' }).claims).toContainEqual(expect.objectContaining({ status: 'contradicted', evidence: { source: 'knowledge', value: 'Anna Berg' } }))
    expect(checkGrounding({ knowledge: film, context: question, response: 'Anna Berg' }).hallucinated).toBe(false)
  })

  it('"Yes, both" needs the property in the text about each of the two', () => {
    const drinks = 'A mojito is a highball cocktail made with white rum, lime and mint. The caipirinha is a cachaça-based cocktail.'
    const question = 'Are mojito and caipirinha both cocktails based on cachaça?'
    expect(checkGrounding({ knowledge: drinks, context: question, response: 'Yes, both cocktails are cachaça-based.' }).hallucinated).toBe(true)
    expect(checkGrounding({ knowledge: drinks, context: 'Are mojito and caipirinha both cocktails?', response: 'Yes, both are cocktails.' }).hallucinated).toBe(false)
  })

  it('reads an either/or option that carries a relative clause ("X, the band that …, or Y")', () => {
    const bands = 'Jane Doe is a singer. She fronted the rock band Lanterns, which she formed in 1991. The Owls are a pop band formed in 1984.'
    const question = 'Which band was formed first, Lanterns, the rock band that Jane Doe fronted, or The Owls?'
    expect(checkGrounding({ knowledge: bands, context: question, response: 'Lanterns was formed first.' }).hallucinated).toBe(true)
    expect(checkGrounding({ knowledge: bands, context: question, response: 'The Owls' }).hallucinated).toBe(false)
  })

  it('checks either/or answers against the years in the text', () => {
    const magazines = "Arthur's Magazine (1844–1846) was an American literary periodical. First for Women is a woman's magazine founded in 1989."
    const question = "Which magazine was started first, Arthur's Magazine or First for Women?"
    expect(checkGrounding({ knowledge: magazines, context: question, response: "Arthur's Magazine" }).hallucinated).toBe(false)
    expect(checkGrounding({ knowledge: magazines, context: question, response: 'First for Women was started first.' }).claims).toContainEqual(expect.objectContaining({ status: 'contradicted', type: 'statement' }))
  })
})
