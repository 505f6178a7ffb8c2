import { parseKnowledgeBase } from '@voxguard/knowledge'
import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { indexKnowledge } from '../knowledge/knowledge-index.ts'
import { personRecords } from './person-records.ts'

const salon = parseKnowledgeBase({
  version: 1,
  facts: {
    stylists: {
      aoki: { name: 'Ms. Aoki', specialty: 'hair coloring', days: 'Wednesdays and Sundays' },
      tanaka: { name: 'Mr. Tanaka', specialty: 'men’s cuts and shaving', days: 'Tuesdays to Fridays' },
    },
    front_desk: { manager: 'Ms. Yui Inoue' },
  },
  vocabulary: { coloring: ['coloring', 'color', 'colour', 'カラー'], shaving: ['shaving', 'shave', 'シェービング'] },
})
const salonText = ['Stylist Aoki: hair coloring, Wednesdays and Sundays', 'Stylist Tanaka: men’s cuts and shaving, Tuesdays to Fridays', 'Front desk manager: Ms. Yui Inoue'].join('\n')

const people = (knowledge: Parameters<typeof indexKnowledge>[0]) =>
  personRecords(indexKnowledge(knowledge)).map((person) => `${[...person.names].sort().join(' ')} → ${[...person.roles].sort().join(' ')}`)

describe('personRecords: who the knowledge names and what they do', () => {
  it('a fact group with a name, and a role key whose value is a titled name', () => {
    // The vocabulary's term (coloring) and the word as the general vocabulary reads it (color) both.
    expect(people(salon)).toEqual(['aoki → color coloring hair specialty stylist', 'tanaka → cuts haircut men shav shaving specialty stylist', 'inoue yui → manager'])
  })

  it('untitled names keyed by themselves, and a roster line of given names; a language under staff is no one', () => {
    const crew = parseKnowledgeBase({ version: 1, facts: { crew: { tomas: 'Tomas, wheel truing, Wednesdays', ingrid: 'Ingrid, kids classes, Saturdays', languages: 'English, Swedish' } } })
    expect(people(crew)).toEqual(['tomas → tru wheel', 'ingrid → children class'])
    expect(people('Tomas - wheel truing, Wednesdays\nIngrid (kids classes, Saturdays)\nOpen 10:00-18:00, closed on Mondays')).toEqual(['tomas → tru wheel', 'ingrid → children class'])
  })

  it('a line of free text that names one titled person', () => {
    expect(people(salonText)).toEqual(['aoki → color coloring hair stylist', 'tanaka → cuts haircut men shav stylist', 'inoue yui → desk front front desk manager reception'])
  })
})

describe('checkPersonRoles: what the knowledge gives one person, said of another', () => {
  const hallucinated = (knowledge: Parameters<typeof checkGrounding>[0]['knowledge'], response: string, context = '') => checkGrounding({ knowledge, context, response }).hallucinated

  it('English, against both knowledge forms', () => {
    for (const knowledge of [salon, salonText]) {
      expect(hallucinated(knowledge, 'Ms. Aoki does our hair coloring.')).toBe(false)
      expect(hallucinated(knowledge, 'Mr. Tanaka does our hair coloring.')).toBe(true)
      expect(hallucinated(knowledge, 'For a shave, Mr. Tanaka is your stylist, and Ms. Aoki does coloring.')).toBe(false)
    }
  })

  it('Japanese: a family name in kanji, with or without a title', () => {
    expect(hallucinated(salon, 'カラーは青木が担当しております。')).toBe(false)
    expect(hallucinated(salon, 'カラーは田中が担当しております。')).toBe(true)
    expect(hallucinated(salon, 'シェービングは田中さんです。')).toBe(false)
    expect(hallucinated(salon, 'シェービングは青木さんが担当します。')).toBe(true)
  })

  it('beside titled staff, a bare name under a role key is a person too (EN and JA)', () => {
    const studio = parseKnowledgeBase({ version: 1, facts: { team: { owner: 'Dr. Mika Ishida', receptionist: 'Ken Ueda' } } })
    expect(hallucinated(studio, 'Our receptionist is Ken Ueda.')).toBe(false)
    expect(hallucinated(studio, '受付は上田です。')).toBe(false)
    expect(hallucinated(studio, '受付は石田です。')).toBe(true)
  })

  it('a name the caller gave is the caller\'s, not staff', () => {
    expect(hallucinated(salon, '田中様、カラーのご予約ですね。', 'カラーを予約したいです。田中と申します。')).toBe(false)
  })

  it('a person\'s days: a day said in Japanese for someone who does not work then is contradicted', () => {
    expect(hallucinated(salon, '青木は水曜日と日曜日に出勤しております。')).toBe(false)
    expect(hallucinated(salon, '青木は月曜日も出勤しております。')).toBe(true)
  })
})

describe('checkPersonRoles: roles read through the staff lexicon, bare names, and who-questions', () => {
  // A small veterinary practice and a car-repair shop, written for these tests.
  const practice = ['Dr. Sugita (director, every day)', 'Dr. Arakawa (surgery, Tuesdays and Fridays)', 'Mr. Miki (reception, speaks English, weekdays)'].join('\n')
  const garage = parseKnowledgeBase({
    version: 1,
    facts: { staff: { manager: 'Mr. Nishino, every day', english_speaking: 'Ms. Kuroki, weekends only', owner: 'Mrs. Okumura, proprietress' } },
  })
  const hallucinated = (knowledge: Parameters<typeof checkGrounding>[0]['knowledge'], response: string, context = '') => checkGrounding({ knowledge, context, response }).hallucinated

  it('"surgeon" is surgery, 院長 is the director: a role given to the wrong person (EN, JA)', () => {
    expect(hallucinated(practice, 'Our surgeon is Dr. Arakawa.')).toBe(false)
    expect(hallucinated(practice, 'Our surgeon is Dr. Sugita.')).toBe(true)
    expect(hallucinated(practice, '院長は杉田でございます。')).toBe(false)
    expect(hallucinated(practice, '院長は荒川でございます。')).toBe(true)
    expect(hallucinated(practice, '手術は荒川先生が担当しております。')).toBe(false)
    expect(hallucinated(practice, '手術は三木が担当しております。')).toBe(true)
  })

  it('a role only one other person holds, said beside one of their own', () => {
    expect(hallucinated(practice, 'Mr. Miki, at reception, speaks English.')).toBe(false)
    expect(hallucinated(practice, 'Dr. Arakawa, our surgeon, speaks English too.')).toBe(true)
    expect(hallucinated(garage, 'Mrs. Okumura, the proprietress, speaks English.')).toBe(true)
    expect(hallucinated(garage, 'はい、奥村が英語で対応いたします。')).toBe(true)
    expect(hallucinated(garage, 'はい、黒木が英語で対応いたします。')).toBe(false)
  })

  it('a negated role agrees', () => {
    const names = (response: string) => checkGrounding({ knowledge: practice, response }).claims.filter((claim) => claim.type === 'name').map((claim) => claim.status)
    expect(names("Dr. Arakawa doesn't speak English.")).not.toContain('contradicted')
    expect(names('Dr. Arakawa speaks English.')).toContain('contradicted')
  })

  it('a name the caller asked about is staff; a name the caller introduced themself with is not', () => {
    expect(hallucinated(garage, "I'll put you through to Ms. Kuroki, our manager.", 'Can I talk to the manager, Ms. Kuroki?')).toBe(true)
    expect(hallucinated(garage, "I'll put you through to Mr. Nishino, our manager.", 'Can I talk to the manager, Ms. Kuroki?')).toBe(false)
  })

  it('a reply that only names someone answers the caller\'s who-question with its role', () => {
    expect(hallucinated(practice, "I believe that's Dr. Arakawa.", 'Which vet does the operations?')).toBe(false)
    expect(hallucinated(practice, "I believe that's Dr. Sugita.", 'Which vet does the operations?')).toBe(true)
    expect(hallucinated(garage, '西野でございます。', '店長はどなたですか')).toBe(false)
    expect(hallucinated(garage, '黒木でございます。', '店長はどなたですか')).toBe(true)
  })
})

describe('checkPersonRoles: each claim bound to the person it is about', () => {
  // A music school, written for these tests.
  const music = [
    'Open Tuesday to Sunday 11:00-21:00',
    'Ms. Hart (piano and music theory, Tuesdays and Thursdays)',
    'Mr. Lund (violin and cello, weekends)',
    'Alicia - guitar and ukulele, Wednesdays and Fridays',
    'Front desk: Ms. Hayashi',
  ].join('\n')
  const hallucinated = (knowledge: Parameters<typeof checkGrounding>[0]['knowledge'], response: string, context = '') => checkGrounding({ knowledge, context, response }).hallucinated

  it('a pronoun carries the person named before it to the next sentence', () => {
    expect(hallucinated(music, "I'd suggest Mr. Lund. He teaches our violin students.")).toBe(false)
    expect(hallucinated(music, "I'd suggest Ms. Hart. She teaches our violin students.")).toBe(true)
  })

  it('a clause naming two people gives each their own part', () => {
    expect(hallucinated(music, 'Ms. Hart teaches piano and Mr. Lund teaches violin.')).toBe(false)
    expect(hallucinated(music, 'Ms. Hart teaches violin and Mr. Lund teaches piano.')).toBe(true)
  })

  it('a clause that names someone and nothing they do does what its sentence names', () => {
    expect(hallucinated(music, 'Cello lessons are on weekends, and Mr. Lund is the one to ask.')).toBe(false)
    expect(hallucinated(music, 'Cello lessons are on weekends, and Ms. Hart is the one to ask.')).toBe(true)
  })

  it('a yes, or a name alone, answers a yes/no question about someone with its role (EN, JA)', () => {
    expect(hallucinated(music, 'Yes, she does.', 'Does Ms. Hart teach piano?')).toBe(false)
    expect(hallucinated(music, 'Yes, she does.', 'Does Ms. Hart teach guitar?')).toBe(true)
    expect(hallucinated(music, "No, that's Mr. Lund.", 'Does Ms. Hart teach cello?')).toBe(false)
    expect(hallucinated(music, "No, that's Ms. Hayashi.", 'Does Ms. Hart teach cello?')).toBe(true)
    expect(hallucinated(music, 'はい、担当しております。', 'ハートさんはピアノを教えていますか')).toBe(false)
  })

  it('a foreign name whose si is written シ (Alicia アリシア)', () => {
    expect(hallucinated(music, 'ギターはアリシアが担当しております。')).toBe(false)
    expect(hallucinated(music, 'バイオリンはアリシアが担当しております。')).toBe(true)
  })

  it("a business's own term for a role does not hide the word: proprietor meets proprietress", () => {
    const inn = parseKnowledgeBase({
      version: 1,
      facts: { staff: { kondo: 'Mrs. Kondo, proprietress', arima: 'Mr. Arima, English-speaking, weekends' } },
      vocabulary: { okami: ['okami', 'proprietress', '女将'] },
    })
    expect(hallucinated(inn, 'Certainly, I will connect you to Mrs. Kondo, our proprietor.')).toBe(false)
    expect(hallucinated(inn, 'Certainly, I will connect you to Mr. Arima, our proprietor.')).toBe(true)
  })
})

describe('personRecords: staff keyed by their name or by their days', () => {
  it('a group keyed by a name without a `name` field, and a schedule keyed by days', () => {
    const studio = parseKnowledgeBase({
      version: 1,
      facts: {
        teachers: { hart: { teaches: 'piano', days: 'Tuesdays and Thursdays' }, lund: { teaches: 'violin', days_off: 'Mondays' } },
        on_duty: { weekdays: 'Dr. Sugita', saturday: 'Dr. Arakawa', sunday: 'Dr. Sugita' },
        coaches: { marta: 'Marta Lopez — swimming, Wednesdays' },
      },
    })
    const index = indexKnowledge(studio)
    const read = personRecords(index).map((person) => `${[...person.names].sort().join(' ')} ${person.days?.join('') ?? '-'}`)
    expect(read).toEqual(['hart 24', 'lund 0234567', 'sugita 012345', 'arakawa 6', 'lopez marta 3'])
    const hallucinated = (response: string) => checkGrounding({ knowledge: studio, response }).hallucinated
    expect(hallucinated('On Saturdays Dr. Arakawa is on duty.')).toBe(false)
    expect(hallucinated('On Saturdays Dr. Sugita is on duty.')).toBe(true)
    expect(hallucinated('Mr. Hart teaches violin.')).toBe(true)
  })
})

describe('checkPersonRoles: full names as keys, kanji given names, people with no role', () => {
  const hub = parseKnowledgeBase({
    version: 1,
    facts: { staff: { lena_novak: 'Lena Novak, community manager, Monday to Friday', omar_haddad: 'Omar Haddad, front desk, Saturdays', yuki_mori: 'Yuki Mori, events, Sundays' } },
  })
  const hallucinated = (knowledge: Parameters<typeof checkGrounding>[0]['knowledge'], response: string, context = '') => checkGrounding({ knowledge, context, response }).hallucinated

  it('a key that spells the full name makes the value a person', () => {
    expect(hallucinated(hub, 'Omar Haddad is on the front desk on Saturdays.')).toBe(false)
    expect(hallucinated(hub, 'Lena Novak is on the front desk on Saturdays.')).toBe(true)
  })

  it('a one-kanji family name with a two-kanji given name (森由紀でございます)', () => {
    expect(hallucinated(hub, 'コミュニティマネージャーは森由紀でございます。')).toBe(true)
  })

  it("someone the knowledge gives no role is not said to lack the caller's", () => {
    const noodles = ['Open 11:00-22:00', 'Sakai - owner and chef, every day we are open', 'Iwai - Friday and Saturday nights'].join('\n')
    expect(hallucinated(noodles, 'On Fridays and Saturdays Iwai is there too.', 'Who is cooking on Saturday?')).toBe(false)
    expect(hallucinated(noodles, 'That would be Iwai.', 'Who is the owner?')).toBe(true)
  })
})
