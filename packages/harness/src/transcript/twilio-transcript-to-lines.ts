import { basename } from 'node:path'
import { z } from 'zod'
import { AGENT_EVENT_SCHEMA, AGENT_EVENT_VERSION, type AgentEventLogEntry } from '../agent-event-log.ts'
import { HarnessError } from '../harness-error.ts'
import { TRANSCRIPT_EVENTS } from './transcript-events.ts'

/**
 * Twilio Conversational Intelligence (Voice Intelligence) transcripts, as its REST API returns
 * them: `GET /v2/Transcripts/{sid}/Sentences` gives `{ sentences: [...], meta }`, each sentence
 * `{ media_channel, sentence_index, start_time, end_time, transcript, sid, confidence, words }`
 * (times are offsets in seconds from the start of the recording, possibly null or strings).
 * Which channel is the caller comes from the Transcript resource (`GET /v2/Transcripts/{sid}`,
 * `channel.participants[]: { channel_participant, role }`); put it beside the sentences as
 * `transcript` (`jq -s '{transcript: .[0]} + .[1]' transcript.json sentences.json`). Without it,
 * channel 1 is the customer and 2 the agent.
 */
const offsetSeconds = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/), z.null()]).optional()
const SentenceSchema = z.object({
  media_channel: z.coerce.number().int(),
  sentence_index: z.coerce.number().int().optional(),
  start_time: offsetSeconds,
  end_time: offsetSeconds,
  transcript: z.string().nullable(),
  sid: z.string().nullable().optional(),
  confidence: z.union([z.number(), z.string(), z.null()]).optional(),
})
const TranscriptResourceSchema = z.object({
  sid: z.string().optional(),
  date_created: z.string().nullable().optional(),
  media_start_time: z.string().nullable().optional(),
  customer_key: z.string().nullable().optional(),
  language_code: z.string().nullable().optional(),
  channel: z
    .object({
      participants: z.array(z.object({ channel_participant: z.coerce.number().int(), role: z.string().nullable().optional() })).nullable().optional(),
    })
    .nullable()
    .optional(),
})
const DocumentSchema = z.object({ transcript: TranscriptResourceSchema.optional(), sentences: z.array(SentenceSchema) })

const CALL_SID = /^CA[0-9a-fA-F]{32}$/

/** Converts one Twilio transcript document (see above) into production-transcript lines. */
export function twilioTranscriptToLines(content: string, file: string): AgentEventLogEntry[] {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch (error) {
    throw new HarnessError('transcript_invalid', `${file}: not valid JSON (${(error as Error).message})`, { file, cause: error })
  }
  const parsed = DocumentSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('').replace(/^\./, '')
    throw new HarnessError('transcript_invalid', `${file}: "${field}" of a Twilio transcript: ${issue.message}`, { file, field })
  }
  const { transcript, sentences } = parsed.data
  const base = Date.parse(transcript?.media_start_time ?? transcript?.date_created ?? '')
  if (Number.isNaN(base)) throw new HarnessError('transcript_invalid', `${file}: "transcript.media_start_time" or "transcript.date_created" is needed to place the sentences in time (add the Transcript resource beside the sentences)`, { file, field: 'transcript.date_created' })
  const callerChannels = new Set<number>()
  for (const participant of transcript?.channel?.participants ?? []) if (/customer/i.test(participant.role ?? '')) callerChannels.add(participant.channel_participant)
  if (callerChannels.size === 0) callerChannels.add(1)
  const callId = transcript?.sid ?? basename(file).replace(/\.json$/i, '')
  const callSid = transcript?.customer_key && CALL_SID.test(transcript.customer_key) ? transcript.customer_key : undefined
  const keys = { callId, ...(callSid ? { callSid } : {}) }
  const line = (atMs: number, name: string, data?: Record<string, unknown>): AgentEventLogEntry => ({ schema: AGENT_EVENT_SCHEMA, version: AGENT_EVENT_VERSION, at: new Date(atMs).toISOString(), ...keys, name, ...(data ? { data } : {}) })
  const ordered = [...sentences].sort((left, right) => (left.sentence_index ?? 0) - (right.sentence_index ?? 0))
  const entries: AgentEventLogEntry[] = [line(base, TRANSCRIPT_EVENTS.callStart, transcript?.language_code ? { language: transcript.language_code } : {})]
  let previousEndMs = 0
  for (const sentence of ordered) {
    if (!sentence.transcript || sentence.transcript.trim() === '') continue
    const startMs = seconds(sentence.start_time) ?? previousEndMs
    const endMs = Math.max(startMs, seconds(sentence.end_time) ?? startMs)
    previousEndMs = endMs
    const name = callerChannels.has(sentence.media_channel) ? TRANSCRIPT_EVENTS.callerUtterance : TRANSCRIPT_EVENTS.agentUtterance
    const confidence = Number(sentence.confidence)
    entries.push(
      line(base + endMs, name, {
        text: sentence.transcript,
        startAt: new Date(base + startMs).toISOString(),
        endAt: new Date(base + endMs).toISOString(),
        ...(name === TRANSCRIPT_EVENTS.callerUtterance && sentence.confidence !== null && sentence.confidence !== undefined && confidence >= 0 && confidence <= 1 ? { confidence } : {}),
      }),
    )
  }
  return entries
}

function seconds(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined
  return Math.round(Number(value) * 1000)
}
