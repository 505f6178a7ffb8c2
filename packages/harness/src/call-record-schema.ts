import { z } from 'zod'
import { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION } from './call-record.ts'
import { checkJsonBounds } from './json-bounds.ts'
import { RECORD_LIMITS } from './record-limits.ts'

// The call record (call-record.ts) as a schema, with the bounds of RECORD_LIMITS. Objects
// are not strict: optional fields added within v1 must not break older readers.

const text = z.string().max(RECORD_LIMITS.maxTextChars)
const milliseconds = z.number().finite()
const texts = z.array(text).max(RECORD_LIMITS.maxEvents)

/** Any JSON an agent sent (tool arguments, results, event data), depth- and size-bounded. */
const boundedJson = z.unknown().superRefine((value, context) => {
  const problem = checkJsonBounds(value)
  if (problem) context.addIssue({ code: 'custom', message: problem })
})
const jsonObject = z.record(z.string(), z.unknown()).superRefine((value, context) => {
  const problem = checkJsonBounds(value)
  if (problem) context.addIssue({ code: 'custom', message: problem })
})

const turnExpectations = z.object({
  replyWithinMs: milliseconds.optional(),
  saysAny: texts.optional(),
  saysAll: texts.optional(),
  neverSays: texts.optional(),
  matches: texts.optional(),
  toolCalled: z.object({ name: text, arguments: jsonObject.optional() }).optional(),
  noReply: z.literal(true).optional(),
})

const callExpectations = z.object({
  neverSays: texts.optional(),
  agentEndsCall: z.boolean().optional(),
  toolsCalled: z.array(z.object({ name: text, arguments: jsonObject.optional() })).max(RECORD_LIMITS.maxEvents).optional(),
  goalTool: text.optional(),
  goalSaysAny: texts.optional(),
  replyWithinMs: milliseconds.optional(),
})

const callerAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text }),
  z.object({ kind: z.literal('dtmf'), digits: text }),
  z.object({ kind: z.literal('silence'), durationMs: milliseconds }),
  z.object({ kind: z.literal('barge-in'), text, afterMs: milliseconds }),
  z.object({ kind: z.literal('hangup') }),
])

const toolCall = z.object({ name: text, arguments: jsonObject, result: boundedJson.optional(), atMs: milliseconds })

const audioTiming = z.object({
  firstMediaMs: milliseconds.optional(),
  playbackMs: milliseconds,
  mediaFrames: z.number().int().nonnegative(),
  marksSent: texts,
  marksEchoed: texts,
  clearAfterMs: milliseconds.optional(),
  heardText: text.optional(),
  heardConfidence: z.number().min(0).max(1).optional(),
  heardBy: text.optional(),
  heardError: text.optional(),
  unplayable: text.optional(),
  silent: z.boolean().optional(),
})

const turn = z.object({
  index: z.number().int().nonnegative(),
  caller: callerAction.optional(),
  sentAtMs: milliseconds,
  agent: z.object({
    text,
    deltaCount: z.number().int().nonnegative(),
    firstByteMs: milliseconds.optional(),
    completeMs: milliseconds.optional(),
    interrupted: z.boolean().optional(),
    toolCalls: z.array(toolCall).max(RECORD_LIMITS.maxEvents),
    audio: audioTiming.optional(),
  }),
  timedOut: z.boolean(),
  expectations: turnExpectations.optional(),
})

const agentEvent = z.object({ name: text, data: jsonObject.optional(), atMs: milliseconds, turn: z.number().int(), source: z.literal('agent-log').optional() })

const failure = z.object({
  kind: z.enum(['connect_failed', 'socket_dropped', 'turn_timeout', 'call_timeout', 'protocol_error', 'harness_error']),
  message: text,
  turn: z.number().int().optional(),
  closeCode: z.number().int().optional(),
  closeReason: text.optional(),
  lastMessage: text.optional(),
  atMs: milliseconds,
})

/** A call record v1, as records.jsonl holds it; bounded by `RECORD_LIMITS`. */
export const CallRecordSchema = z.object({
  schema: z.literal(CALL_RECORD_SCHEMA),
  version: z.literal(CALL_RECORD_VERSION),
  callId: z.string().min(1).max(1000),
  runId: z.string().max(1000),
  scriptId: z.string().min(1).max(1000),
  scriptFile: text,
  title: text.optional(),
  tags: z.array(z.string().max(1000)).max(1000),
  knowledgeBase: z.string().min(1).max(4096).optional(),
  persona: text.optional(),
  goal: text.optional(),
  language: z.string().max(100).optional(),
  protocol: z.enum(['text', 'twilio']),
  agentUrl: text,
  repeat: z.number().int().nonnegative(),
  shard: z.object({ index: z.number().int().positive(), total: z.number().int().positive() }).optional(),
  startedAt: z.string().max(100),
  endedAt: z.string().max(100),
  durationMs: milliseconds,
  endedBy: z.enum(['caller', 'agent', 'harness', 'error']),
  failure: failure.optional(),
  transport: z.object({
    closeCode: z.number().int().optional(),
    closeReason: text.optional(),
    callSid: z.string().max(100).optional(),
    framesSent: z.number().int().nonnegative().optional(),
    pacingLatenessMs: z.object({ p50: milliseconds, p99: milliseconds, max: milliseconds }).optional(),
  }),
  turns: z.array(turn).max(RECORD_LIMITS.maxTurns + 1),
  events: z.array(agentEvent).max(RECORD_LIMITS.maxEvents),
  expectations: callExpectations.optional(),
  redacted: z.boolean(),
})
