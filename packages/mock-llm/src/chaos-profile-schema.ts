import { z } from 'zod'

const rateMessage = 'expected a number 0–1'
const rate = z
  .number({ error: rateMessage })
  .min(0, { error: rateMessage })
  .max(1, { error: rateMessage })

const nonNegativeMs = (what: string) =>
  z.number({ error: `expected ${what} in milliseconds (a number ≥ 0)` }).min(0, { error: `expected ${what} in milliseconds (a number ≥ 0)` })

const positiveInteger = z
  .number({ error: 'expected a whole number > 0' })
  .int({ error: 'expected a whole number > 0' })
  .positive({ error: 'expected a whole number > 0' })

const distribution = z.union(
  [
    nonNegativeMs('a fixed duration'),
    z.strictObject({ kind: z.literal('fixed'), ms: nonNegativeMs('ms'), maxMs: nonNegativeMs('maxMs').optional() }),
    z
      .strictObject({ kind: z.literal('uniform'), minMs: nonNegativeMs('minMs'), maxMs: nonNegativeMs('maxMs') })
      .refine((value) => value.minMs <= value.maxMs, { error: 'minMs must be ≤ maxMs' }),
    z.strictObject({
      kind: z.literal('normal'),
      meanMs: nonNegativeMs('meanMs'),
      stdDevMs: nonNegativeMs('stdDevMs'),
      maxMs: nonNegativeMs('maxMs').optional(),
    }),
    z.strictObject({
      kind: z.literal('lognormal'),
      medianMs: nonNegativeMs('medianMs'),
      sigma: z.number({ error: 'expected sigma ≥ 0' }).min(0, { error: 'expected sigma ≥ 0' }),
      maxMs: nonNegativeMs('maxMs').optional(),
    }),
  ],
  {
    error:
      'expected milliseconds (a number) or { kind: fixed|uniform|normal|lognormal, ... } (see the README, "Latency distributions")',
  },
)

const outageMode = z.union([z.literal(503), z.literal(500), z.literal(429), z.literal('refuse'), z.literal('hang')], {
  error: 'expected one of 503, 500, 429, refuse, hang',
})

const outage = z
  .strictObject({
    fromMs: nonNegativeMs('fromMs'),
    toMs: nonNegativeMs('toMs'),
    mode: outageMode.default(503),
  })
  .refine((value) => value.fromMs < value.toMs, { error: 'fromMs must be < toMs', path: ['toMs'] })

const inStreamErrorType = z.enum(
  ['modelStreamErrorException', 'throttlingException', 'internalServerException', 'serviceUnavailableException'],
  { error: 'expected modelStreamErrorException, throttlingException, internalServerException or serviceUnavailableException' },
)

const errorRates = z.strictObject({
  rate429: rate.default(0),
  rate500: rate.default(0),
  rate503: rate.default(0),
  modelTimeout: rate.default(0),
  contentFilter: rate.default(0),
  inStream: rate.default(0),
  inStreamType: inStreamErrorType.default('modelStreamErrorException'),
})

/** Schema of one target's behaviour (all fields optional; defaults: a perfect, instant provider). */
export const targetBehaviourSchema = z
  .strictObject({
    ttftMs: distribution.default(0),
    interTokenMs: distribution.optional(),
    tokensPerSecond: z.number({ error: 'expected a number > 0' }).positive({ error: 'expected a number > 0' }).optional(),
    errors: errorRates.default(errorRates.parse({})),
    retryAfterMs: nonNegativeMs('retryAfterMs').default(1000),
    hangRate: rate.default(0),
    cutRate: rate.default(0),
    outages: z.array(outage, { error: 'expected a list of { fromMs, toMs, mode }' }).default([]),
    rpm: positiveInteger.optional(),
    tpm: positiveInteger.optional(),
    rateLimitWindowMs: z
      .number({ error: 'expected a whole number of milliseconds > 0' })
      .int({ error: 'expected a whole number of milliseconds > 0' })
      .positive({ error: 'expected a whole number of milliseconds > 0' })
      .default(60_000),
    hallucinationRate: rate.default(0),
  })
  .superRefine((value, context) => {
    if (value.interTokenMs !== undefined && value.tokensPerSecond !== undefined) {
      context.addIssue({ code: 'custom', path: ['tokensPerSecond'], message: 'set either interTokenMs or tokensPerSecond, not both' })
    }
    const { rate429, rate500, rate503, modelTimeout, contentFilter } = value.errors
    const total = rate429 + rate500 + rate503 + modelTimeout + contentFilter + value.hangRate
    if (total > 1 + 1e-9) {
      context.addIssue({
        code: 'custom',
        path: ['errors'],
        message: `errors.rate429 + rate500 + rate503 + modelTimeout + contentFilter + hangRate add up to ${round(total)}, must be ≤ 1`,
      })
    }
    if (value.errors.inStream + value.cutRate > 1 + 1e-9) {
      context.addIssue({ code: 'custom', path: ['cutRate'], message: 'cutRate + errors.inStream must be ≤ 1' })
    }
  })

const targetName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'target names use letters, digits, ".", "_" and "-" (no "/")' })

/** Schema of a chaos profile file (YAML or the equivalent object). */
export const chaosProfileSchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected version: 1' }).default(1),
    seed: z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).default(1),
    knowledgeBase: z.string({ error: 'expected a file path' }).min(1, { error: 'expected a file path' }).optional(),
    defaultTarget: z.string({ error: 'expected a target name' }).optional(),
    targets: z
      .record(targetName, targetBehaviourSchema, { error: 'expected a mapping of target name → behaviour' })
      .refine((targets) => Object.keys(targets).length > 0, { error: 'expected at least one target' }),
  })
  .superRefine((value, context) => {
    if (value.defaultTarget !== undefined && !(value.defaultTarget in value.targets)) {
      context.addIssue({
        code: 'custom',
        path: ['defaultTarget'],
        message: `"${value.defaultTarget}" is not one of the targets (${Object.keys(value.targets).join(', ')})`,
      })
    }
  })

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
