import { detectLanguage, fillTemplateWithSlots, replyTemplateFor, type FactTree, type KnowledgeBase, type KnowledgeIntent } from '@voxguard/knowledge'
import type { BrainReply } from '../brain-reply.ts'
import type { ChatRequest, ChatToolCall, ChatTurn } from '../chat-request.ts'
import type { RandomSource } from '../seeded-random.ts'
import { confirmToolResult } from './confirm-tool-result.ts'
import { extractAppointmentDetails } from './extract-appointment-details.ts'
import { injectHallucination, type ClaimSlot } from './inject-hallucination.ts'
import { fallbackIntent, matchIntent } from './match-intent.ts'
import { normalizeText } from './normalize-text.ts'
import { splitRequests } from './split-requests.ts'
import { toolArguments } from './tool-arguments.ts'

/** Marker in a system message that asks the brain for an intent name only. */
export const classifyMarker = '[[voxguard:classify]]'
/** The reply without a knowledge base. */
export const plainReply = 'This is a reply from the mock LLM.'

/** Per-request inputs of the brain. */
export interface BrainOptions {
  random: RandomSource
  hallucinationRate: number
  requestId: string
}

/**
 * The deterministic responder (contract in the README, "The brain"):
 * - `[[voxguard:classify]]` in the system text → the intent name only;
 * - after a tool result → a short confirmation;
 * - an intent with a `tool` the request offers → a tool call (booking: once date and time are known);
 * - otherwise the intent's reply template filled from the facts, hallucinated at `hallucinationRate`.
 */
export function answerChatRequest(request: ChatRequest, knowledgeBase: KnowledgeBase | undefined, options: BrainOptions): BrainReply {
  const intents = knowledgeBase?.intents ?? {}
  const lastUser = [...request.turns].reverse().find((turn) => turn.role === 'user')?.text ?? ''
  const intent = currentIntent(request.turns, lastUser, knowledgeBase)
  if (request.system.includes(classifyMarker)) return { kind: 'text', text: intent }
  if (knowledgeBase === undefined) return { kind: 'text', text: plainReply }

  const lastTurn = request.turns.at(-1)
  if (lastTurn?.role === 'tool') return withHallucination(confirmToolResult(request.turns, lastTurn, detectLanguage(lastUser)), options)

  const chosen: KnowledgeIntent | undefined = intents[intent] ?? intents[fallbackIntent]
  if (chosen === undefined) return { kind: 'text', text: plainReply }
  const language = detectLanguage(lastUser)
  if (chosen.tool !== undefined && request.toolNames.includes(chosen.tool)) {
    const treatments = Object.keys(asTree(knowledgeBase.facts.prices_yen))
    const details = extractAppointmentDetails(userTurnsSinceLastTool(request.turns), treatments)
    const args = toolArguments(chosen.tool, details)
    if (args !== undefined) {
      const call: ChatToolCall = { id: `call_${options.requestId.replaceAll(/[^A-Za-z0-9]/g, '_')}`, name: chosen.tool, arguments: args }
      return { kind: 'tool-call', call }
    }
  }
  return withHallucination(answerEveryRequest(lastUser, intent, knowledgeBase, language), options)
}

/**
 * The reply to every request of one utterance ("What are your Saturday hours, and how much
 * is a cleaning?"): the chosen intent's reply, followed by the reply of each other intent
 * without a tool that a separate clause of the utterance asks for, in the caller's language.
 */
function answerEveryRequest(lastUser: string, intent: string, knowledgeBase: KnowledgeBase, language: string): { text: string; slots: ClaimSlot[] } {
  const names = [intent]
  for (const clause of splitRequests(lastUser)) {
    const name = matchIntent(clause, knowledgeBase.intents)
    const other = knowledgeBase.intents[name]
    if (other !== undefined && other.tool === undefined && name !== fallbackIntent && name !== 'goodbye' && !names.includes(name)) names.push(name)
  }
  if (knowledgeBase.intents[intent]?.tool !== undefined || intent === fallbackIntent) names.splice(1)
  let text = ''
  const slots: ClaimSlot[] = []
  for (const name of names) {
    const chosen = knowledgeBase.intents[name] ?? knowledgeBase.intents[fallbackIntent]!
    const separator = text === '' ? '' : language === 'ja' ? '' : ' '
    const rendered = fillTemplateWithSlots(replyTemplateFor(chosen, language), knowledgeBase)
    slots.push(...rendered.slots.map((slot) => ({ ...slot, start: slot.start + text.length + separator.length })))
    text += separator + rendered.text
  }
  return { text, slots }
}

/**
 * The intent of the caller's last utterance. A caller answering a question the agent
 * asked for a tool intent (e.g. "Saturday at 10" after "What day and time would you
 * like?") stays in that intent when the answer matches no intent or carries a date or time.
 */
function currentIntent(turns: readonly ChatTurn[], lastUser: string, knowledgeBase: KnowledgeBase | undefined): string {
  if (knowledgeBase === undefined) return fallbackIntent
  const matched = matchIntent(lastUser, knowledgeBase.intents)
  const lastUserIndex = turns.findLastIndex((turn) => turn.role === 'user')
  const previous = turns.slice(0, Math.max(0, lastUserIndex)).findLast((turn) => turn.role === 'assistant' && turn.text.length > 0)
  if (previous === undefined) return matched
  for (const [name, intent] of Object.entries(knowledgeBase.intents)) {
    if (intent.tool === undefined) continue
    const questions = [intent.reply, ...Object.values(intent.replies ?? {})].map((template) => normalizeText(fillTemplateWithSlots(template, knowledgeBase).text))
    if (!questions.some((question) => normalizeText(previous.text).includes(question))) continue
    const details = extractAppointmentDetails([lastUser], [])
    if (matched === fallbackIntent || details.date !== undefined || details.time !== undefined) return name
  }
  // "Then Monday at 10:00, please." after a refused slot: a bare day or time continues the
  // caller's previous request when that one needed a tool.
  if (matched === fallbackIntent) {
    const details = extractAppointmentDetails([lastUser], [])
    const earlier = turns.slice(0, Math.max(0, lastUserIndex)).findLast((turn) => turn.role === 'user')
    const earlierIntent = earlier === undefined ? undefined : matchIntent(earlier.text, knowledgeBase.intents)
    if ((details.date !== undefined || details.time !== undefined) && earlierIntent !== undefined && knowledgeBase.intents[earlierIntent]?.tool !== undefined) return earlierIntent
  }
  return matched
}

function userTurnsSinceLastTool(turns: readonly ChatTurn[]): string[] {
  const lastTool = turns.findLastIndex((turn) => turn.role === 'tool')
  return turns.slice(lastTool + 1).filter((turn) => turn.role === 'user').map((turn) => turn.text)
}

function withHallucination(reply: { text: string; slots: ClaimSlot[] }, options: BrainOptions): BrainReply {
  const draw = options.random()
  if (draw >= options.hallucinationRate) return { kind: 'text', text: reply.text }
  const injected = injectHallucination(reply.text, reply.slots, options.random)
  return { kind: 'text', text: injected.text, hallucination: injected.hallucination }
}

function asTree(value: FactTree[string] | undefined): FactTree {
  return typeof value === 'object' && value !== null ? value : {}
}
