import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { flattenFacts, loadKnowledgeBase, type KnowledgeBase } from '@voxguard/knowledge'
import { BENCH_DATA_FOLDER, DevsetDataError, HALLUCINATION_TYPES, HOLDOUT_FOLDER, KNOWLEDGE_FORMS, readDevsets, readKnowledge, readReplyRows } from './judge-devset-data.ts'

const businesses = ['hotel', 'gym', 'vet', 'realty', 'bakery', 'pharmacy', 'rental', 'ryokan', 'moving', 'florist', 'bikeshop', 'photostudio', 'karaoke', 'drycleaner', 'campsite', 'ramen', 'cowork']
/** The held-out set's businesses: trades the dev sets do not have. */
const holdoutBusinesses = ['salon', 'izakaya', 'garage', 'school']

/** The numbers a text states, format aside: `¥12,000` → 12000, `3 pm` → 15, `06:30` → 6 and 30; zeros left out. */
function statedNumbers(text: string): Set<number> {
  const plain = text.replace(/(\d),(\d{3})/g, '$1$2').replace(/\b(\d{1,2})(:\d\d)?\s*pm\b/gi, (_match, hour: string, minutes = '') => `${Number(hour) + 12}${minutes}`)
  return new Set([...plain.matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(match[0])).filter((value) => value !== 0))
}

/** Each business's YAML loads as a v1 knowledge base, its free text is there, and the two state the same numbers. */
async function expectBothForms(names: readonly string[], folder: string): Promise<void> {
  for (const business of names) {
    for (const form of KNOWLEDGE_FORMS) {
      const source = readKnowledge(business, form, folder)
      expect(source.text.length, source.file).toBeGreaterThan(200)
      if (form === 'yaml') await expect(loadKnowledgeBase(source.file)).resolves.toMatchObject({ version: 1 })
    }
    const knowledgeBase = readKnowledge(business, 'yaml', folder).knowledge as KnowledgeBase
    const yaml = statedNumbers([...flattenFacts(knowledgeBase.facts).map((fact) => `${fact.keys.join(' ')} ${fact.value}`), ...knowledgeBase.policies].join('\n'))
    const text = statedNumbers(readKnowledge(business, 'text', folder).text)
    expect({ business, onlyInYaml: [...yaml].filter((value) => !text.has(value)), onlyInText: [...text].filter((value) => !yaml.has(value)) }).toEqual({ business, onlyInYaml: [], onlyInText: [] })
  }
}

describe('judge dev sets (packages/judge/bench-data)', () => {
  const devsets = readDevsets()

  it('every business has a YAML knowledge base that loads and a free-text form stating the same numbers', async () => {
    await expectBothForms(businesses, BENCH_DATA_FOLDER)
  })

  it('at least 1,500 phone replies for the 17 businesses, in English and Japanese, scored against both forms', () => {
    const replies = devsets.phone
    expect(replies.length).toBeGreaterThanOrEqual(1500)
    expect(new Set(replies.map((row) => row.business))).toEqual(new Set(businesses))
    expect(replies.filter((row) => row.language === 'ja').length).toBeGreaterThanOrEqual(replies.length / 3)
    for (const row of replies) expect(row.knowledgeForms, row.id).toEqual(['yaml', 'text'])
    const hallucinated = replies.filter((row) => row.label === 'hallucinated').length
    expect(hallucinated / replies.length).toBeGreaterThan(0.35)
    expect(hallucinated / replies.length).toBeLessThan(0.65)
  })

  it('the clinic set has at least 240 replies to the example clinic knowledge base, and the dialogue set at least 200 rows', () => {
    expect(devsets.clinic.length).toBeGreaterThanOrEqual(240)
    for (const row of devsets.clinic) expect([row.business, row.knowledgeForms], row.id).toEqual(['clinic', ['yaml']])
    expect(devsets.dialogue.length).toBeGreaterThanOrEqual(200)
    expect(new Set(devsets.dialogue.map((row) => row.label))).toEqual(new Set(['faithful', 'hallucinated']))
  })
})

describe('judge held-out sets (packages/judge/bench-data/holdout)', () => {
  const holdout = readDevsets(HOLDOUT_FOLDER)

  it('four businesses of trades the dev sets do not have, each as a YAML knowledge base and as free text stating the same numbers', async () => {
    await expectBothForms(holdoutBusinesses, HOLDOUT_FOLDER)
    expect(holdoutBusinesses.filter((business) => businesses.includes(business))).toEqual([])
  })

  it('phone replies: the four businesses, English and Japanese about equally, both knowledge forms, every hallucination type', () => {
    const replies = holdout.phone
    expect(replies.length).toBeGreaterThanOrEqual(320)
    expect(new Set(replies.map((row) => row.business))).toEqual(new Set(holdoutBusinesses))
    const japanese = replies.filter((row) => row.language === 'ja').length
    expect(japanese / replies.length).toBeGreaterThan(0.4)
    expect(japanese / replies.length).toBeLessThan(0.6)
    for (const row of replies) expect(row.knowledgeForms, row.id).toEqual(['yaml', 'text'])
    const hallucinated = replies.filter((row) => row.label === 'hallucinated')
    expect(hallucinated.length / replies.length).toBeGreaterThan(0.35)
    expect(hallucinated.length / replies.length).toBeLessThan(0.55)
    expect(new Set(hallucinated.map((row) => row.hallucinationType))).toEqual(new Set(HALLUCINATION_TYPES))
  })

  it('clinic replies against the example clinic knowledge base in both languages, and balanced dialogue rows', () => {
    expect(holdout.clinic.length).toBeGreaterThanOrEqual(60)
    for (const row of holdout.clinic) expect([row.business, row.knowledgeForms], row.id).toEqual(['clinic', ['yaml']])
    expect(new Set(holdout.clinic.map((row) => row.language))).toEqual(new Set(['en', 'ja']))
    expect(holdout.dialogue.length).toBeGreaterThanOrEqual(60)
    const faithful = holdout.dialogue.filter((row) => row.label === 'faithful').length
    expect(faithful / holdout.dialogue.length).toBeGreaterThan(0.4)
    expect(faithful / holdout.dialogue.length).toBeLessThan(0.6)
  })

  it('no held-out reply or dialogue response is a copy of a dev-set one, and no dialogue knowledge is', () => {
    const dev = readDevsets()
    const seen = new Set([...dev.phone, ...dev.clinic, ...dev.dialogue].map((row) => row.response))
    expect([...holdout.phone, ...holdout.clinic, ...holdout.dialogue].filter((row) => seen.has(row.response)).map((row) => row.id)).toEqual([])
    const devKnowledge = new Set(dev.dialogue.map((row) => row.knowledge))
    expect(holdout.dialogue.filter((row) => devKnowledge.has(row.knowledge)).map((row) => row.id)).toEqual([])
  })
})

describe('readReplyRows', () => {
  const folder = mkdtempSync(join(tmpdir(), 'voxguard-devset-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  const good = { id: 'gym-en-001', business: 'gym', language: 'en', knowledgeForms: ['yaml', 'text'], callerSaid: 'Sauna?', response: 'Yes, it is included.', label: 'grounded', claimTypes: ['service'], note: 'sauna included' }
  const read = (lines: unknown[]): (() => unknown) => {
    const file = join(folder, 'replies.jsonl')
    writeFileSync(file, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'))
    return () => readReplyRows(file)
  }

  it('names the file, line and field of a bad row', () => {
    expect(read([good, { ...good, id: 'gym-en-002', label: 'maybe' }])).toThrow(/replies\.jsonl:2: field "label": expected "grounded" or "hallucinated"/)
    expect(read([good, '{ not json'])).toThrow(/replies\.jsonl:2: not JSON/)
    expect(read([good, { ...good, id: 'gym-en-002', label: 'hallucinated' }])).toThrow(/:2: field "hallucinationType": required on hallucinated rows/)
    expect(read([good, good])).toThrow(/:2: field "id": "gym-en-001" already used on line 1/)
    expect(read([{ ...good, claimTypes: ['weather'] }])).toThrow(DevsetDataError)
    expect(read([good, { ...good, id: 'gym-en-002', claimTypes: ['weather'] }])).toThrow(expect.objectContaining({ code: 'devset_invalid', line: 2, field: 'claimTypes.0' }))
  })
})
