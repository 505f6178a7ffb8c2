import type { LlmClient } from '@voxguard/llm'
import { z } from 'zod'
import type { ClaimCheck } from '../grounding/claim-check.ts'
import { JudgeError } from '../judge-error.ts'
import type { KnowledgeBase } from '@voxguard/knowledge'
import { indexKnowledge } from '../knowledge/knowledge-index.ts'

export interface LlmJudgeInput {
  knowledge: KnowledgeBase | string
  /** What the caller said (newest last). */
  context: string | string[]
  response: string
  /** The statements to verify (e.g. `checkGrounding(...).unsettled`). Default: the LLM decomposes the whole reply. */
  statements?: string[]
  signal?: AbortSignal
}

/** Verifies claims the rules cannot settle. Implemented over @voxguard/llm by `createLlmJudge`. */
export interface LlmJudge {
  verify(input: LlmJudgeInput): Promise<ClaimCheck[]>
}

export interface LlmJudgeOptions {
  /** A client from `createLlmClient` (so the judge has fallback, retries and deadlines). Required. */
  client: Pick<LlmClient, 'chat'>
  /** Route of the client to call. Default `'judge'`. */
  route?: string
  /** Output token limit per call. Default 800. */
  maxOutputTokens?: number
}

const answerSchema = z.object({
  claims: z.array(
    z.object({
      claim: z.string().min(1),
      verdict: z.enum(['supported', 'contradicted', 'not_in_knowledge']),
      evidence: z.string().optional().default(''),
    }),
  ),
})

const SYSTEM_PROMPT = [
  'You verify a phone agent reply against a knowledge base. Be strict.',
  '1. Split the statements you are given into atomic factual claims (one fact each). Skip greetings, questions and offers to help.',
  '2. For each claim decide: "supported" only if the knowledge states it; "contradicted" if the knowledge states something incompatible;',
  '   "not_in_knowledge" if the knowledge does not say it (a plausible claim the knowledge does not state is NOT supported).',
  '3. "evidence": the knowledge line that decides it, copied exactly, or "" when none.',
  'Answer with JSON only, no prose: {"claims":[{"claim":"...","verdict":"supported|contradicted|not_in_knowledge","evidence":"..."}]}',
].join('\n')

function renderKnowledge(knowledge: KnowledgeBase | string): string {
  if (typeof knowledge === 'string') return knowledge
  return indexKnowledge(knowledge)
    .entries.map((entry) => `${entry.path}: ${entry.value}`)
    .join('\n')
}

function parseAnswer(text: string): z.infer<typeof answerSchema> {
  const body = text.trim().replace(/^```(?:json)?\s*/u, '').replace(/\s*```$/u, '')
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    throw new JudgeError('llm_judge_failed', `the LLM judge did not answer JSON (first 80 characters: ${JSON.stringify(body.slice(0, 80))})`, { cause: error })
  }
  const parsed = answerSchema.safeParse(json)
  if (!parsed.success) throw new JudgeError('llm_judge_failed', `the LLM judge's JSON does not match {claims:[{claim, verdict, evidence}]}: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`)
  return parsed.data
}

function evidencePath(evidence: string, knowledge: KnowledgeBase | string): { path?: string; value?: string } {
  if (evidence === '') return {}
  const entry = indexKnowledge(knowledge).entries.find((candidate) => evidence.includes(candidate.path) || evidence.includes(candidate.value))
  return entry ? { path: entry.path, value: entry.value } : { value: evidence }
}

/**
 * An LLM judge over @voxguard/llm: one call per reply decomposes the statements into
 * atomic claims and verifies each against the knowledge (structured JSON answer, validated).
 * Strict: a claim the knowledge does not state is `unsupported`.
 *
 * @example
 * const llm = createLlmClient({ targets, routes: { judge: { chain: ['gpt-4o-mini-east', 'gpt-4o-mini-west'] } } })
 * const verdict = await judgeCall(record, { knowledge, llmJudge: createLlmJudge({ client: llm }) })
 */
export function createLlmJudge(options: LlmJudgeOptions): LlmJudge {
  if (!options?.client || typeof options.client.chat !== 'function') throw new JudgeError('option_invalid', 'createLlmJudge: "client" must be an LLM client from createLlmClient (with a chat method)', { option: 'client', expected: 'an LLM client from createLlmClient', received: options?.client })
  const route = options.route ?? 'judge'
  const maxOutputTokens = options.maxOutputTokens ?? 800
  if (!Number.isInteger(maxOutputTokens) || maxOutputTokens <= 0) throw new JudgeError('option_invalid', `createLlmJudge: "maxOutputTokens" must be a positive integer (got ${String(options.maxOutputTokens)})`, { option: 'maxOutputTokens', expected: 'a positive integer', received: options.maxOutputTokens })
  return {
    async verify(input) {
      const context = Array.isArray(input.context) ? input.context.join('\n') : input.context
      const statements = input.statements && input.statements.length > 0 ? input.statements.map((statement) => `- ${statement}`).join('\n') : input.response
      const user = `KNOWLEDGE:\n${renderKnowledge(input.knowledge)}\n\nCALLER SAID:\n${context || '(nothing)'}\n\nAGENT REPLY:\n${input.response}\n\nSTATEMENTS TO VERIFY:\n${statements}`
      let text: string
      try {
        const result = await options.client.chat({
          route,
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: user },
          ],
          temperature: 0,
          maxOutputTokens,
          ...(input.signal ? { signal: input.signal } : {}),
        })
        text = result.text
      } catch (error) {
        throw new JudgeError('llm_judge_failed', `the LLM judge's call on route "${route}" failed: ${(error as Error).message}`, { cause: error })
      }
      return parseAnswer(text).claims.map((claim): ClaimCheck => {
        const status = claim.verdict === 'supported' ? 'supported' : claim.verdict === 'contradicted' ? 'contradicted' : 'unsupported'
        const evidence = evidencePath(claim.evidence, input.knowledge)
        return { text: claim.claim, type: 'statement', status, supported: status === 'supported', ...(evidence.path || evidence.value ? { evidence: { source: 'knowledge', ...evidence } } : {}), checkedBy: 'llm' }
      })
    },
  }
}
