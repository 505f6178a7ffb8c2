import { z } from 'zod'
import { AGENT_EVENT_SCHEMA, AGENT_EVENT_VERSION } from '../agent-event-log.ts'
import { TRANSCRIPT_EVENTS } from './transcript-events.ts'

/**
 * The zod schema of one production-transcript line: an agent event log line
 * (`voxguard.agent-event` v1) whose `data` is checked for the transcript's own names
 * (`TRANSCRIPT_EVENTS`). `agent-event.schema.json` is generated from it
 * (`node --conditions=source packages/harness/scripts/write-agent-event-schema.ts`).
 */

const isoTime = z
  .string({ error: 'expected an ISO 8601 time' })
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: 'expected an ISO 8601 time' })
  .meta({ format: 'date-time' })
const text = z.string({ error: 'expected a string' }).max(100_000)

const envelope = {
  schema: z.literal(AGENT_EVENT_SCHEMA),
  version: z.literal(AGENT_EVENT_VERSION),
  at: isoTime.meta({ description: 'When the agent recorded the line (ISO 8601).' }),
  callId: z.string().min(1).max(1000).optional().meta({ description: "The call's id (the harness's call id, or the agent's own). callId or callSid is required." }),
  callSid: z.string().min(1).max(100).optional().meta({ description: "Twilio's callSid." }),
}

export const CallStartDataSchema = z.object({
  scriptId: z.string().min(1).max(1000).optional().meta({ description: 'The test script that drove the call, when a harness did.' }),
  from: text.optional(),
  to: text.optional(),
  language: z.string().max(35).optional(),
})
/** Which caller turn a line belongs to, when the agent counts them (1 = the caller's first utterance, key or silence; 0 = before it). */
const turn = z.number().int().nonnegative().optional().meta({ description: "The caller turn the line belongs to, as the agent counts them (0 before the caller's first input, then 1, 2, …). Without it, lines are placed in turns by their times." })

export const CallerUtteranceDataSchema = z.object({
  text,
  turn,
  startAt: isoTime,
  endAt: isoTime,
  confidence: z.number().min(0).max(1).optional(),
})
export const CallerDtmfDataSchema = z.object({ digits: z.string().regex(/^[0-9*#A-Da-d]+$/, { error: 'expected DTMF keys 0-9, *, #, A-D' }), turn })
export const CallerSilenceDataSchema = z.object({ durationMs: z.number().nonnegative(), turn })
export const AgentUtteranceDataSchema = z.object({
  text,
  turn,
  startAt: isoTime,
  endAt: isoTime,
  replyId: z.string().max(1000).optional(),
  interrupted: z.boolean().optional(),
})
export const AgentToolCallDataSchema = z.object({
  name: z.string().min(1).max(1000),
  arguments: z.record(z.string(), z.unknown()),
  result: z.unknown().optional(),
  turn,
})
export const CallEndDataSchema = z.object({ endedBy: z.enum(['caller', 'agent', 'error']), reason: text.optional() })

/** The `data` schema of each transcript name. */
export const TRANSCRIPT_DATA_SCHEMAS = {
  [TRANSCRIPT_EVENTS.callStart]: CallStartDataSchema,
  [TRANSCRIPT_EVENTS.callerUtterance]: CallerUtteranceDataSchema,
  [TRANSCRIPT_EVENTS.callerDtmf]: CallerDtmfDataSchema,
  [TRANSCRIPT_EVENTS.callerSilence]: CallerSilenceDataSchema,
  [TRANSCRIPT_EVENTS.agentUtterance]: AgentUtteranceDataSchema,
  [TRANSCRIPT_EVENTS.agentToolCall]: AgentToolCallDataSchema,
  [TRANSCRIPT_EVENTS.callEnd]: CallEndDataSchema,
} as const

const transcriptNames = Object.values(TRANSCRIPT_EVENTS)
const escaped = transcriptNames.map((name) => name.replace(/\./g, '\\.'))

/** Every other line: an agent event (`AGENT_EVENTS` or the agent's own), `data` free. */
const OtherEventLineSchema = z.object({
  ...envelope,
  name: z
    .string()
    .min(1)
    .regex(new RegExp(`^(?!(?:${escaped.join('|')})$)`))
    .meta({ description: 'An agent event name (docs/protocol.md, "Agent events"), or the agent\'s own.' }),
  data: z.record(z.string(), z.unknown()).optional(),
})

const transcriptLine = <Name extends string, Data extends z.ZodType>(name: Name, data: Data) => z.object({ ...envelope, name: z.literal(name), data })

/** One line of an agent event log / production transcript. */
export const TranscriptLineSchema = z
  .union([
    transcriptLine(TRANSCRIPT_EVENTS.callStart, CallStartDataSchema.optional()),
    transcriptLine(TRANSCRIPT_EVENTS.callerUtterance, CallerUtteranceDataSchema),
    transcriptLine(TRANSCRIPT_EVENTS.callerDtmf, CallerDtmfDataSchema),
    transcriptLine(TRANSCRIPT_EVENTS.callerSilence, CallerSilenceDataSchema),
    transcriptLine(TRANSCRIPT_EVENTS.agentUtterance, AgentUtteranceDataSchema),
    transcriptLine(TRANSCRIPT_EVENTS.agentToolCall, AgentToolCallDataSchema),
    transcriptLine(TRANSCRIPT_EVENTS.callEnd, CallEndDataSchema),
    OtherEventLineSchema,
  ])
  .meta({
    title: 'voxguard agent event log / production transcript line (voxguard.agent-event v1)',
    description: 'One JSON line of an agent event log. With caller.utterance and agent.utterance lines, the log is a production transcript that `voxguard import` turns into call records and call scripts.',
  })

export type CallerUtteranceData = z.infer<typeof CallerUtteranceDataSchema>
export type AgentUtteranceData = z.infer<typeof AgentUtteranceDataSchema>
export type AgentToolCallData = z.infer<typeof AgentToolCallDataSchema>
export type CallStartData = z.infer<typeof CallStartDataSchema>
export type CallEndData = z.infer<typeof CallEndDataSchema>

/** The JSON Schema (draft 2020-12) of one line, as the text written to `agent-event.schema.json`. */
export function renderAgentEventJsonSchema(): string {
  const schema = z.toJSONSchema(TranscriptLineSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, $id: 'https://voxguard.dev/schemas/agent-event.schema.json' }, null, 2)}\n`
}
