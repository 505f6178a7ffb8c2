import type { KnowledgeBase } from '../../knowledge-base.ts'
import type { BrainReply } from '../brain-reply.ts'
import type { ChatRequest } from '../chat-request.ts'
import type { RandomSource } from '../seeded-random.ts'

/** Marker in a system message that asks the brain for an intent name only. */
export const classifyMarker = '[[voxguard:classify]]'

/** Per-request inputs of the brain. */
export interface BrainOptions {
  random: RandomSource
  hallucinationRate: number
  requestId: string
}

/** The deterministic responder (see the README, "The brain"). */
export function answerChatRequest(request: ChatRequest, knowledgeBase: KnowledgeBase | undefined, _options: BrainOptions): BrainReply {
  if (request.system.includes(classifyMarker)) return { kind: 'text', text: 'fallback' }
  if (knowledgeBase === undefined) return { kind: 'text', text: 'This is a reply from the mock LLM.' }
  return { kind: 'text', text: 'This is a reply from the mock LLM.' }
}
