import { readFileSync } from 'node:fs'
import { checkGrounding } from './src/check-grounding.ts'
import { parseKnowledgeBase } from '@voxguard/knowledge'
const [kind, biz, context, ...responses] = process.argv.slice(2)
const file = `bench-data/businesses/${biz}.${kind}`
const knowledge = kind === 'yaml' ? parseKnowledgeBase(readFileSync(file, 'utf8'), file) : readFileSync(file, 'utf8')
for (const r of responses) { const g = checkGrounding({ knowledge, context: context!, response: r }); console.log(g.hallucinated ? 'HALL' : 'ok  ', r, '\n     ', g.claims.map((x) => `${x.status} ${x.type} "${x.text}" @${x.evidence?.path}=${x.evidence?.value?.slice(0, 60)}`).join('\n      ')) }
