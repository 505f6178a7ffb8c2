import { fillTemplateWithSlots, type FactTree, type KnowledgeBase, type KnowledgeIntent } from '@voxguard/knowledge'
import type { BrainReply } from '../brain-reply.ts'
import type { ChatRequest, ChatToolCall, ChatTurn } from '../chat-request.ts'
import type { RandomSource } from '../seeded-random.ts'
import { extractAppointmentDetails } from './extract-appointment-details.ts'
import { injectHallucination, type ClaimSlot } from './inject-hallucination.ts'
import { fallbackIntent, matchIntent } from './match-intent.ts'
import { normalizeText } from './normalize-text.ts'

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
  if (lastTurn?.role === 'tool') return withHallucination(confirmToolResult(request.turns, lastTurn), options)

  const chosen: KnowledgeIntent | undefined = intents[intent] ?? intents[fallbackIntent]
  if (chosen === undefined) return { kind: 'text', text: plainReply }
  const rendered = fillTemplateWithSlots(chosen.reply, knowledgeBase)
  if (chosen.tool !== undefined && request.toolNames.includes(chosen.tool)) {
    const treatments = Object.keys(asTree(knowledgeBase.facts.prices_yen))
    const details = extractAppointmentDetails(userTurnsSinceLastTool(request.turns), treatments)
    const missingSlot = chosen.tool === 'book_appointment' && (details.date === undefined || details.time === undefined)
    if (!missingSlot) {
      const call: ChatToolCall = { id: `call_${options.requestId.replaceAll(/[^A-Za-z0-9]/g, '_')}`, name: chosen.tool, arguments: { ...details } }
      return { kind: 'tool-call', call }
    }
  }
  return withHallucination({ text: rendered.text, slots: rendered.slots }, options)
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
    const question = normalizeText(fillTemplateWithSlots(intent.reply, knowledgeBase).text)
    if (!normalizeText(previous.text).includes(question)) continue
    const details = extractAppointmentDetails([lastUser], [])
    if (matched === fallbackIntent || details.date !== undefined || details.time !== undefined) return name
  }
  return matched
}

function userTurnsSinceLastTool(turns: readonly ChatTurn[]): string[] {
  const lastTool = turns.findLastIndex((turn) => turn.role === 'tool')
  return turns.slice(lastTool + 1).filter((turn) => turn.role === 'user').map((turn) => turn.text)
}

function confirmToolResult(turns: readonly ChatTurn[], result: ChatTurn): { text: string; slots: ClaimSlot[] } {
  const call = turns
    .flatMap((turn) => turn.toolCalls ?? [])
    .findLast((candidate) => result.toolCallId === undefined || candidate.id === result.toolCallId)
  if (/error|unavailable|not available|fail|満席/i.test(result.text)) {
    // Like a real model, relay the tool's own explanation when it gives one.
    const reason = toolErrorSentence(result.text)
    return { text: reason ? `I'm sorry. ${reason}` : "I'm sorry, that time is not available. Would you like another day or time?", slots: [] }
  }
  if (call?.name === 'book_appointment') {
    const date = String(call.arguments.date ?? '')
    const time = String(call.arguments.time ?? '')
    const prefix = 'Your appointment is booked for '
    const text = `${prefix}${date} at ${time}.`
    return {
      text,
      slots: [
        { factPath: 'appointment.date', value: date, start: prefix.length, claimType: 'date' },
        { factPath: 'appointment.time', value: time, start: prefix.length + date.length + 4, claimType: 'date' },
      ],
    }
  }
  if (call?.name === 'cancel_appointment') return { text: 'Your appointment has been cancelled.', slots: [] }
  if (call?.name === 'handoff_to_human') return { text: 'Please hold while I connect you to our receptionist.', slots: [] }
  return { text: 'Done.', slots: [] }
}

/** The `error` (or `message`) sentence of a JSON tool result, when it has one. */
function toolErrorSentence(resultText: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(resultText)
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { error, message } = parsed as { error?: unknown; message?: unknown }
    const sentence = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined
    return sentence?.trim() || undefined
  } catch {
    return undefined
  }
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
