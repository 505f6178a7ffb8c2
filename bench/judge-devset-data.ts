/**
 * Reader of the judge's labelled dev sets in `packages/judge/bench-data/` (format: that folder's
 * README). The one owner of those files' format: the bench (`judge-devset.bench.ts`) and the test
 * that keeps them valid (`judge-devset-data.test.ts`) both read them through here. Bad data fails
 * with the file, the line and the field.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { parseKnowledgeBase, type KnowledgeBase } from '@voxguard/knowledge'
import { VoxguardError } from '@voxguard/errors'

/** The folder that holds the dev sets. */
export const BENCH_DATA_FOLDER = fileURLToPath(new URL('../packages/judge/bench-data/', import.meta.url))
/** The folder that holds the held-out sets (same files and formats; nobody tunes rules on them). */
export const HOLDOUT_FOLDER = `${BENCH_DATA_FOLDER}holdout/`
/** The example clinic's own knowledge base, which `clinic-replies.jsonl` is labelled against. */
export const CLINIC_KNOWLEDGE_FILE = fileURLToPath(new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url))

export const CLAIM_TYPES = ['price', 'time', 'day', 'duration', 'person', 'phone', 'address', 'count', 'policy', 'service', 'name', 'none'] as const
export const HALLUCINATION_TYPES = ['subject_swap', 'day_swap', 'person_swap', 'polarity_flip', 'number_shift', 'invented'] as const
export const KNOWLEDGE_FORMS = ['yaml', 'text'] as const
export type KnowledgeForm = (typeof KNOWLEDGE_FORMS)[number]

const text = z.string().trim().min(1, 'expected non-empty text')
const hallucinationType = z.enum(HALLUCINATION_TYPES, { error: `expected one of ${HALLUCINATION_TYPES.join(', ')}` })

const replyRowSchema = z
  .strictObject({
    id: text,
    business: text,
    language: z.enum(['en', 'ja'], { error: 'expected "en" or "ja"' }),
    knowledgeForms: z.array(z.enum(KNOWLEDGE_FORMS, { error: 'expected "yaml" or "text"' })).min(1, 'expected at least one knowledge form'),
    callerSaid: text,
    response: text,
    label: z.enum(['grounded', 'hallucinated'], { error: 'expected "grounded" or "hallucinated"' }),
    claimTypes: z.array(z.enum(CLAIM_TYPES, { error: `expected one of ${CLAIM_TYPES.join(', ')}` })).min(1, 'expected at least one claim type (or "none")'),
    hallucinationType: hallucinationType.optional(),
    note: text,
  })
  .refine((row) => (row.label === 'hallucinated') === (row.hallucinationType !== undefined), {
    path: ['hallucinationType'],
    message: 'required on hallucinated rows and only there',
  })

const dialogueRowSchema = z
  .strictObject({
    id: text,
    topic: text,
    knowledge: text,
    history: z.array(z.strictObject({ speaker: z.enum(['user', 'agent'], { error: 'expected "user" or "agent"' }), text })).min(1, 'expected at least one earlier turn'),
    response: text,
    label: z.enum(['faithful', 'hallucinated'], { error: 'expected "faithful" or "hallucinated"' }),
    hallucinationType: hallucinationType.optional(),
    note: text,
  })
  .refine((row) => (row.label === 'hallucinated') === (row.hallucinationType !== undefined), {
    path: ['hallucinationType'],
    message: 'required on hallucinated rows and only there',
  })

/** One labelled agent reply to a caller, for a business whose knowledge comes in one or two forms. */
export type ReplyRow = z.infer<typeof replyRowSchema>
/** One knowledge-grounded dialogue turn (open domain, FaithDial-style). */
export type DialogueRow = z.infer<typeof dialogueRowSchema>

/** One form of a business's knowledge: what the check receives, and the file's text (for the baseline). */
export interface KnowledgeSource {
  file: string
  knowledge: KnowledgeBase | string
  text: string
}

/** Thrown for a data file that cannot be read or does not match its format (`file`, `line`, `field` say where). */
export class DevsetDataError extends VoxguardError<'devset_invalid' | 'devset_unreadable'> {
  static override readonly errorName = 'DevsetDataError'
}

function readJsonl<Row extends { id: string }>(file: string, schema: z.ZodType<Row>): Row[] {
  const rows: Row[] = []
  const seen = new Map<string, number>()
  const lines = readFileSync(file, 'utf8').split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const where = `${file}:${index + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new DevsetDataError('devset_invalid', `${where}: not JSON (${(error as Error).message})`, { file, line: index + 1, cause: error })
    }
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const field = issue.path.join('.') || '(row)'
      throw new DevsetDataError('devset_invalid', `${where}: field "${field}": ${issue.message}`, { file, line: index + 1, field })
    }
    const earlier = seen.get(parsed.data.id)
    if (earlier !== undefined) throw new DevsetDataError('devset_invalid', `${where}: field "id": "${parsed.data.id}" already used on line ${earlier}`, { file, line: index + 1, field: 'id' })
    seen.set(parsed.data.id, index + 1)
    rows.push(parsed.data)
  })
  return rows
}

/** Reads a JSONL file of labelled agent replies (`phone-replies.jsonl`, `clinic-replies.jsonl`). */
export function readReplyRows(file: string): ReplyRow[] {
  return readJsonl(file, replyRowSchema)
}

/** Reads a JSONL file of knowledge-grounded dialogue rows (`dialogue.jsonl`). */
export function readDialogueRows(file: string): DialogueRow[] {
  return readJsonl(file, dialogueRowSchema)
}

/**
 * The file that holds `business`'s knowledge in `form`: `<folder>businesses/<business>.yaml|.txt`
 * (`folder` is the dev-set folder or the held-out one), or the example clinic's knowledge base.
 */
export function knowledgeFile(business: string, form: KnowledgeForm, folder = BENCH_DATA_FOLDER): string {
  if (business === 'clinic' && form === 'yaml') return CLINIC_KNOWLEDGE_FILE
  return `${folder}businesses/${business}.${form === 'yaml' ? 'yaml' : 'txt'}`
}

/** Reads one form of a business's knowledge (a YAML file is parsed and checked as a v1 knowledge base). */
export function readKnowledge(business: string, form: KnowledgeForm, folder = BENCH_DATA_FOLDER): KnowledgeSource {
  const file = knowledgeFile(business, form, folder)
  let content: string
  try {
    content = readFileSync(file, 'utf8')
  } catch (error) {
    throw new DevsetDataError('devset_unreadable', `${file}: cannot read the ${form} knowledge of "${business}" (${(error as Error).message})`, { file, cause: error })
  }
  return { file, knowledge: form === 'yaml' ? parseKnowledgeBase(content, file) : content, text: content }
}

/** Every set of one folder (the dev sets, or the held-out sets), read and checked. */
export interface Devsets {
  phone: ReplyRow[]
  clinic: ReplyRow[]
  dialogue: DialogueRow[]
  /** `business/form` → its knowledge, for every pair a reply row names. */
  knowledge: Map<string, KnowledgeSource>
}

/**
 * Reads the sets of one folder and every knowledge file their rows name: the dev sets by default,
 * the held-out sets with `HOLDOUT_FOLDER` (its businesses live in its own `businesses/`).
 */
export function readDevsets(folder = BENCH_DATA_FOLDER): Devsets {
  const phone = readReplyRows(`${folder}phone-replies.jsonl`)
  const clinic = readReplyRows(`${folder}clinic-replies.jsonl`)
  const dialogue = readDialogueRows(`${folder}dialogue.jsonl`)
  const knowledge = new Map<string, KnowledgeSource>()
  for (const row of [...phone, ...clinic]) {
    for (const form of row.knowledgeForms) {
      const key = `${row.business}/${form}`
      if (!knowledge.has(key)) knowledge.set(key, readKnowledge(row.business, form, folder))
    }
  }
  return { phone, clinic, dialogue, knowledge }
}
