import { fileURLToPath } from 'node:url'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import { LlmError, type AttemptRecord } from '@voxguard/llm'
import { expect, it } from 'vitest'
import { AppointmentStore } from './appointment-store.ts'
import type { ConversationLlm, LlmStreamPart } from './conversation-llm.ts'
import { Conversation, type TurnOutput } from './conversation.ts'
import { createLogger } from './logger.ts'
import { openingHoursFrom } from './opening-hours.ts'

const attempt = (target: string, errorCode: AttemptRecord['errorCode']): AttemptRecord => ({ target, provider: 'azure-openai', model: 'gpt-4o', attempt: 1, startedAtMs: 0, latencyMs: 5, outcome: 'error', errorCode })

/** A model that books on `answer` and whose `confirm` route fails on every target. */
const confirmDown: ConversationLlm = {
  chat: async () => ({ text: 'booking', toolCalls: [] }),
  stream: (request) =>
    (async function* (): AsyncGenerator<LlmStreamPart> {
      if (request.route === 'confirm') throw new LlmError('all_failed', 'every target failed', { attempts: [attempt('azure-japaneast', 'server'), attempt('azure-swedencentral', 'server')] })
      yield { type: 'tool-call', toolCall: { id: 'call_1', name: 'book_appointment', arguments: JSON.stringify({ date: 'Saturday', time: '10:00', name: 'Ken Sato', treatment: 'cleaning' }) } }
      yield { type: 'end', servedBy: 'azure-japaneast', attempts: [] }
    })(),
}

it('a failed confirm step after a tool ran says the tool result and reports llm.degraded, not llm.all_failed (the caller was served)', async () => {
  const knowledgeBase = await loadKnowledgeBase(fileURLToPath(new URL('../knowledge.yaml', import.meta.url)))
  const now = () => new Date('2025-06-04T01:00:00Z') // a Wednesday in Tokyo
  const store = new AppointmentStore({ hours: openingHoursFrom(knowledgeBase), treatments: ['cleaning'], now })
  const conversation = new Conversation({ llm: confirmDown, knowledgeBase, store, logger: createLogger({ level: 'error' }), now })
  const outputs: TurnOutput[] = []
  for await (const output of conversation.respond({ type: 'text', text: 'Book a cleaning on Saturday at 10:00 for Ken Sato' }, new AbortController().signal)) outputs.push(output)
  expect(store.list()).toEqual([expect.objectContaining({ date: '2025-06-07', time: '10:00', name: 'Ken Sato' })])
  const events = outputs.flatMap((output) => (output.type === 'event' ? [output] : []))
  expect(events).toEqual([{ type: 'event', name: 'llm.degraded', data: { route: 'confirm', kind: 'server' } }])
  const spoken = outputs.flatMap((output) => (output.type === 'text' ? [output.text] : [])).join('')
  expect(spoken).toContain('Booked cleaning for Ken Sato')
  expect(spoken).not.toMatch(/sorry/i)
  expect(conversation.state).toBe('listening')
})

/** A model that books, then breaks off in the middle of its confirmation. */
const confirmCut: ConversationLlm = {
  chat: async () => ({ text: 'booking', toolCalls: [] }),
  stream: (request) =>
    (async function* (): AsyncGenerator<LlmStreamPart> {
      if (request.route === 'confirm') {
        yield { type: 'text-delta', text: 'Your appointment has been' }
        throw new LlmError('network', 'socket cut after the first token', { attempts: [attempt('azure-japaneast', 'network')] })
      }
      yield { type: 'tool-call', toolCall: { id: 'call_1', name: 'book_appointment', arguments: JSON.stringify({ date: 'Saturday', time: '10:00', name: 'Ken Sato', treatment: 'cleaning' }) } }
      yield { type: 'end', servedBy: 'azure-japaneast', attempts: [] }
    })(),
}

it('a confirmation cut off mid-sentence is followed by the apology as a separate sentence, not glued to the last word', async () => {
  const knowledgeBase = await loadKnowledgeBase(fileURLToPath(new URL('../knowledge.yaml', import.meta.url)))
  const now = () => new Date('2025-06-04T01:00:00Z')
  const store = new AppointmentStore({ hours: openingHoursFrom(knowledgeBase), treatments: ['cleaning'], now })
  const conversation = new Conversation({ llm: confirmCut, knowledgeBase, store, logger: createLogger({ level: 'error' }), now })
  const outputs: TurnOutput[] = []
  for await (const output of conversation.respond({ type: 'text', text: 'Book a cleaning on Saturday at 10:00 for Ken Sato' }, new AbortController().signal)) outputs.push(output)
  const spoken = outputs.flatMap((output) => (output.type === 'text' ? [output.text] : [])).join('')
  expect(spoken).toMatch(/^One moment, please\. Your appointment has been I'm sorry/)
  expect(conversation.state).toBe('offered-handoff')
})

/** A model whose answer breaks off after a few tokens on every target. */
const answerCut: ConversationLlm = {
  chat: async () => ({ text: 'price', toolCalls: [] }),
  stream: () =>
    (async function* (): AsyncGenerator<LlmStreamPart> {
      yield { type: 'text-delta', text: 'A cleaning is 5000 yen, a check' }
      throw new LlmError('all_failed', 'every target failed', { attempts: [attempt('azure-japaneast', 'network'), attempt('azure-swedencentral', 'server')] })
    })(),
}

it('an answer that breaks off reports llm.all_failed with how much the caller heard (spokenChars), then apologises', async () => {
  const knowledgeBase = await loadKnowledgeBase(fileURLToPath(new URL('../knowledge.yaml', import.meta.url)))
  const store = new AppointmentStore({ hours: openingHoursFrom(knowledgeBase), treatments: ['cleaning'] })
  const conversation = new Conversation({ llm: answerCut, knowledgeBase, store, logger: createLogger({ level: 'error' }) })
  const outputs: TurnOutput[] = []
  for await (const output of conversation.respond({ type: 'text', text: 'How much is a cleaning?' }, new AbortController().signal)) outputs.push(output)
  const spoken = outputs.flatMap((output) => (output.type === 'text' ? [output.text] : [])).join('')
  expect(outputs).toContainEqual({ type: 'event', name: 'llm.all_failed', data: { route: 'answer', attempts: 2, spokenChars: 'A cleaning is 5000 yen, a check'.length } })
  expect(spoken.slice('A cleaning is 5000 yen, a check'.length)).toMatch(/^ I'm sorry/)
})

/** A model whose answer is restarted by the router on another target (that target refused the words already spoken as a prefix). */
const answerRestarted: ConversationLlm = {
  chat: async () => ({ text: 'price', toolCalls: [] }),
  stream: () =>
    (async function* (): AsyncGenerator<LlmStreamPart> {
      yield { type: 'text-delta', text: 'A cleaning is' }
      yield { type: 'restart', discardedChars: 'A cleaning is'.length }
      yield { type: 'text-delta', text: 'A cleaning costs 5000 yen.' }
      yield { type: 'end', servedBy: 'azure-swedencentral', attempts: [] }
    })(),
}

it('an answer the router restarts on another target is announced as a new start, not glued onto the broken-off words', async () => {
  const knowledgeBase = await loadKnowledgeBase(fileURLToPath(new URL('../knowledge.yaml', import.meta.url)))
  const store = new AppointmentStore({ hours: openingHoursFrom(knowledgeBase), treatments: ['cleaning'] })
  const conversation = new Conversation({ llm: answerRestarted, knowledgeBase, store, logger: createLogger({ level: 'error' }) })
  const outputs: TurnOutput[] = []
  for await (const output of conversation.respond({ type: 'text', text: 'How much is a cleaning?' }, new AbortController().signal)) outputs.push(output)
  const spoken = outputs.flatMap((output) => (output.type === 'text' ? [output.text] : [])).join('')
  expect(spoken).toBe('A cleaning is Sorry, let me start that again. A cleaning costs 5000 yen.')
})
