import { readFileSync } from 'node:fs'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import { indexKnowledge } from '../packages/judge/src/knowledge/knowledge-index.ts'
import { personRecords } from '../packages/judge/src/grounding/person-records.ts'
const dir = '../packages/judge/bench-data/businesses/'
for (const b of ['hotel','gym','vet','realty','bakery','pharmacy','rental','ryokan','moving']) {
  for (const form of ['yaml','text']) {
    const k = form === 'yaml' ? await loadKnowledgeBase(dir + b + '.yaml') : readFileSync(dir + b + '.txt', 'utf8')
    const idx = indexKnowledge(k as never)
    for (const p of personRecords(idx)) console.log(b, form, JSON.stringify({ names: [...p.names], roles: [...p.roles], days: (p as any).days, path: p.entry.path }))
  }
}
