import { readFileSync } from 'node:fs'
import { indexKnowledge } from './src/knowledge/knowledge-index.ts'
const t = readFileSync('bench-data/businesses/vet.txt', 'utf8')
for (const e of indexKnowledge(t).entries.slice(0, 12)) console.log(e.path, [...e.leafTerms], [...e.parentTerms], e.claims.map((c) => `${c.type}:${c.text}:${JSON.stringify(c.value)}`).join(' ; '))
