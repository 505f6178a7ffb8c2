import { readFileSync } from 'node:fs'
import { checkGrounding } from './src/check-grounding.ts'
import { parseKnowledgeBase } from '@voxguard/knowledge'
const kb = parseKnowledgeBase(readFileSync('../../examples/clinic-agent/knowledge.yaml', 'utf8'), 'k.yaml')
const { vocabulary: _v, ...bare } = kb
const knowledge = process.env.BARE ? bare : kb
for (const r of process.argv.slice(3)) { const g = checkGrounding({ knowledge, context: process.argv[2]!, response: r }); console.log(g.hallucinated ? 'HALL' : 'ok  ', r, '\n     ', g.claims.map((x) => `${x.status} ${x.type} "${x.text}" @${x.evidence?.path}`).join(' | ')) }
