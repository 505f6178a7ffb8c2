import { indexKnowledge } from './src/knowledge/knowledge-index.ts'
import { personRecords } from './src/grounding/person-records.ts'
const lines = [
  'Lingo School, open 10:00-21:00',
  'Emily teaches British English; Jason teaches the kids classes.',
  'Haruto is our sake expert and works weekends.',
  'Colour specialist Aoki is in Tuesday to Saturday.',
  'Our manager Ryo can help with group bookings.',
  'Kenta Ishii (apprentice)',
  'Yoga runs on Mondays and Thursdays.',
  'Parking is free for members.',
  'Lessons with Sophie: Tuesdays and Thursdays',
  'Book with Daniel for guitar lessons (weekends only).',
  'For bodywork, ask for Mr. Kubo.',
  'Tanaka and Suzuki cover the front desk on weekdays.',
  'Hiro - sushi counter, Thu-Sun',
  'Mai (hall staff; speaks English and Chinese)',
]
for (const person of personRecords(indexKnowledge(lines.join('\n')))) console.log([...person.names].join(' '), '|', [...person.roles].join(' '), '|', person.days?.join('') ?? '-')
