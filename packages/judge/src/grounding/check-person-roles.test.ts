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
    expect(people(salon)).toEqual(['aoki → coloring hair specialty stylist', 'tanaka → cuts haircut men shaving specialty stylist', 'inoue yui → manager'])
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
