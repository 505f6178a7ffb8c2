import { z } from 'zod'
import { compileMatchPattern } from './compile-match-pattern.ts'

/**
 * The zod schema of a call script (YAML). The JSON Schema in `call-script.schema.json`
 * is generated from it (`node --conditions=source packages/harness/scripts/write-call-script-schema.ts`),
 * so editors complete the same fields the loader validates.
 */

const milliseconds = (what: string) =>
  z
    .number({ error: `expected a whole number of milliseconds (${what})` })
    .int({ error: `expected a whole number of milliseconds (${what})` })
    .min(0, { error: `expected milliseconds >= 0 (${what})` })
    .max(3_600_000, { error: `expected at most 3600000 ms (${what})` })

const phrases = (what: string) =>
  z
    .array(z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty string' }), {
      error: `expected a list of strings (${what})`,
    })
    .min(1, { error: `expected at least one string (${what})` })

const regexSource = z.string({ error: 'expected a regular expression as a string' }).refine(
  (source) => {
    try {
      compileMatchPattern(source)
      return true
    } catch {
      return false
    }
  },
  { error: 'expected a regular expression in RE2 syntax (JavaScript syntax without look-around or back-references; matched in linear time)' },
)

const toolExpectation = z.strictObject({
  name: z.string({ error: 'expected the tool name as a string' }).min(1),
  arguments: z.record(z.string(), z.unknown(), { error: 'expected a mapping of argument names to values' }).optional(),
})

/** `TurnExpectations` from call-record.ts, as written under a turn's `expect:`. */
export const TurnExpectationsSchema = z
  .strictObject({
    replyWithinMs: milliseconds('the reply must start within this time').optional(),
    saysAny: phrases('any one must appear, case- and width-insensitive').optional(),
    saysAll: phrases('all must appear, case- and width-insensitive').optional(),
    neverSays: phrases('none may appear').optional(),
    matches: z.array(regexSource, { error: 'expected a list of regular expressions' }).min(1).optional(),
    toolCalled: toolExpectation.optional(),
    noReply: z
      .literal(true, { error: 'expected `noReply: true` (leave it out when a reply is due)' })
      .optional()
      .meta({ description: 'No reply is due to this turn (an IVR collecting digits in silence): the caller goes on at once and no silence is held against the agent.' }),
  })
  .meta({ description: 'What the agent reply to this turn must satisfy (checked by the judge).' })

/** `CallExpectations` from call-record.ts, as written under the script's `expect:`. */
export const CallExpectationsSchema = z
  .strictObject({
    neverSays: phrases('no agent reply may contain these').optional(),
    agentEndsCall: z.boolean({ error: 'expected true or false' }).optional(),
    toolsCalled: z.array(toolExpectation, { error: 'expected a list of { name, arguments? }' }).min(1).optional(),
    goalTool: z.string({ error: 'expected a tool name' }).min(1).optional(),
    goalSaysAny: phrases('the goal is reached when a reply says one of these').optional(),
    replyWithinMs: milliseconds('latency budget for every reply').optional(),
  })
  .meta({ description: 'What the whole call must satisfy (checked by the judge).' })

const callerText = z.string({ error: 'expected the words the caller says, as a string' }).min(1, { error: 'expected non-empty text' })
const audioFile = z
  .string({ error: 'expected a path to a WAV file (8/16 kHz PCM or μ-law), relative to the script' })
  .min(1)
  .meta({ description: 'Caller audio for the Twilio transport (WAV 8/16 kHz 16-bit PCM or 8 kHz μ-law). Without it the text is synthesised with espeak-ng.' })

/** The caller's actions; a turn has exactly one of these keys (or `include`). */
export const TURN_ACTION_KEYS = ['say', 'dtmf', 'silenceMs', 'bargeIn', 'hangup', 'include'] as const

export const SayTurnSchema = z.strictObject({
  say: callerText.meta({ description: 'The caller says this ({{variables}} are substituted).' }),
  audio: audioFile.optional(),
  expect: TurnExpectationsSchema.optional(),
})
export const DtmfTurnSchema = z.strictObject({
  dtmf: z
    .string({ error: 'expected DTMF digits as a string, e.g. "1" or "1234#" (quote it in YAML)' })
    .regex(/^[0-9*#A-Da-d]+$/, { error: 'expected only DTMF keys 0-9, *, #, A-D' })
    .meta({ description: 'Keys the caller presses.' }),
  expect: TurnExpectationsSchema.optional(),
})
export const SilenceTurnSchema = z.strictObject({
  silenceMs: milliseconds('how long the caller stays silent').meta({ description: 'The caller stays silent this long.' }),
  expect: TurnExpectationsSchema.optional(),
})
export const BargeInTurnSchema = z.strictObject({
  bargeIn: z
    .strictObject({
      say: callerText,
      afterMs: milliseconds("after this much of the agent's reply has played"),
      audio: audioFile.optional(),
    })
    .meta({ description: "The caller speaks while the previous turn's reply is still playing." }),
  expect: TurnExpectationsSchema.optional(),
})
export const HangupTurnSchema = z.strictObject({
  hangup: z.literal(true, { error: 'expected `hangup: true`' }).meta({ description: 'The caller hangs up.' }),
  afterMs: milliseconds("after this much of the agent's reply to the previous turn has played")
    .optional()
    .meta({ description: "Hang up mid-answer: once this much of the reply to the previous turn has played. Without it the caller hangs up after the reply ends." }),
})
const variableValue = z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean' })
const variables = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, { error: 'expected a variable name (letters, digits, _ . -)' }), variableValue, {
    error: 'expected a mapping of variable names to values',
  })
  .meta({ description: 'Values for {{name}} placeholders.' })
export const IncludeTurnSchema = z.strictObject({
  include: z.string({ error: 'expected a path to a partial script, relative to this file' }).min(1).meta({ description: 'Splice the turns of a partial script here.' }),
  with: variables.optional(),
})

export const TurnSchema = z.union([SayTurnSchema, DtmfTurnSchema, SilenceTurnSchema, BargeInTurnSchema, HangupTurnSchema, IncludeTurnSchema])

const turns = z.array(TurnSchema, { error: 'expected a list of turns' }).min(1, { error: 'expected at least one turn' })

/** A whole call script. */
export const CallScriptSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string({ error: 'expected a script id (letters, digits, . _ -)' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'expected a script id of letters, digits, . _ - (no spaces)' })
      .max(120),
    title: z.string({ error: 'expected a title string' }).optional(),
    tags: z.array(z.string({ error: 'expected a tag string' }), { error: 'expected a list of tags' }).optional(),
    knowledgeBase: z.string({ error: 'expected a path to a knowledge-base YAML file, relative to the script' }).min(1).optional(),
    persona: z.string({ error: 'expected a description of the caller' }).optional(),
    goal: z.string({ error: 'expected the caller goal as a string' }).optional(),
    language: z
      .string({ error: 'expected an espeak-ng voice / language code such as "en" or "ja"' })
      .regex(/^[a-z]{2,3}([-_][A-Za-z0-9]+)*$/, { error: 'expected a language code such as "en", "en-us" or "ja"' })
      .optional()
      .meta({ description: 'Language of the caller (espeak-ng voice for synthesised audio). Default "en".' }),
    greeting: z.boolean({ error: 'expected true or false' }).optional().meta({ description: 'Wait for the agent to greet before the first turn. Default true.' }),
    from: z.string({ error: 'expected a caller number as a string' }).optional(),
    to: z.string({ error: 'expected a called number as a string' }).optional(),
    metadata: z.record(z.string(), z.string({ error: 'expected a string value' }), { error: 'expected a mapping of strings' }).optional(),
    variables: variables.optional(),
    turns,
    expect: CallExpectationsSchema.optional(),
  })
  .meta({ title: 'voxguard call script', description: 'A scripted phone call replayed by @voxguard/harness.' })

/** A partial script: reusable turns spliced in with `- include: file.yaml`. */
export const PartialScriptSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  variables: variables.optional(),
  turns,
})

export type CallScriptInput = z.infer<typeof CallScriptSchema>
export type PartialScriptInput = z.infer<typeof PartialScriptSchema>
export type TurnInput = z.infer<typeof TurnSchema>
