import { AGENT_EVENTS, type CallRecord, type TurnRecord } from '@voxguard/harness'
import { writtenNumbers } from './written-numbers.ts'

/** The texts of a Twilio turn: what the agent meant to say (`reply.text` events) and what the harness heard in its audio. */
export interface AudioTurnTexts {
  intended?: string
  heard?: string
}

/** Each turn's intended and heard texts, for a call over an audio protocol (empty map for text calls). */
export function audioTurnTexts(record: CallRecord): Map<number, AudioTurnTexts> {
  const texts = new Map<number, AudioTurnTexts>()
  if (record.protocol !== 'twilio') return texts
  for (const turn of record.turns) {
    const intended = record.events
      .filter((event) => event.name === AGENT_EVENTS.replyText && event.turn === turn.index && typeof event.data?.['text'] === 'string')
      .map((event) => String(event.data?.['text']))
      .join(' ')
    const heard = turn.agent.audio?.heardText
    texts.set(turn.index, { ...(intended ? { intended } : {}), ...(heard !== undefined && heard !== '' ? { heard } : {}) })
  }
  return texts
}

/**
 * The record as the judge reads it: on an audio call each turn's `agent.text` is what the
 * agent meant to say when its event log says so (`reply.text`), else what the harness heard.
 * Turns with audio but neither text are `unheard`: the judge cannot tell what was said, and
 * never blames the agent for that. Tool calls are invisible on an audio call: expectations about
 * them (`toolCalled`, `toolsCalled`, `goalTool`) are left out unless the record has tool calls.
 * Turns read from the harness's transcript alone (numbers
 * written as digits) are `heardOnly`: their claims are not grounded as the agent's words.
 */
export function readableRecord(record: CallRecord): { record: CallRecord; unheard: Set<number>; heardOnly: Set<number> } {
  const texts = audioTurnTexts(record)
  const unheard = new Set<number>()
  const heardOnly = new Set<number>()
  if (texts.size === 0) return { record, unheard, heardOnly }
  // Tool calls do not travel over Media Streams: expectations about them cannot be checked.
  const toolsVisible = record.turns.some((turn) => turn.agent.toolCalls.length > 0)
  const turns: TurnRecord[] = record.turns.map((audioTurn) => {
    const turn = toolsVisible || !audioTurn.expectations?.toolCalled ? audioTurn : { ...audioTurn, expectations: withoutKeys(audioTurn.expectations, ['toolCalled']) }
    if (turn.agent.text) return turn
    const { intended, heard } = texts.get(turn.index) ?? {}
    if (intended === undefined && heard === undefined) {
      if ((turn.agent.audio?.mediaFrames ?? 0) > 0 && !turn.agent.audio?.silent) unheard.add(turn.index)
      return turn
    }
    if (intended === undefined) heardOnly.add(turn.index)
    return { ...turn, agent: { ...turn.agent, text: intended ?? writtenNumbers(heard ?? '') } }
  })
  const expectations = toolsVisible || !record.expectations ? record.expectations : withoutKeys(record.expectations, ['toolsCalled', 'goalTool'])
  return { record: { ...record, turns, ...(expectations ? { expectations } : {}) }, unheard, heardOnly }
}

function withoutKeys<T extends object>(value: T, keys: string[]): T {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as T
}
