import { z } from 'zod'

const count = z.number().int().min(0)
const ratio = z.number().nullable()
const latencySchema = z.strictObject({
  turns: count,
  p50Ms: ratio,
  p90Ms: ratio,
  p95Ms: ratio,
  p99Ms: ratio,
  buckets: z.array(z.strictObject({ leSeconds: z.number().nullable().describe('upper bound; null is +Inf'), count })).describe('observations per bucket, not cumulative'),
})
const sliSetSchema = z.strictObject({
  calls: count,
  passed: count,
  failed: count,
  failedFor: z.strictObject({ system: count, dialogue: count }).describe('a call failed for both factors counts under each'),
  failuresByReason: z.record(z.string(), count).describe('failed calls per "factor:code"'),
  turnsJudged: count,
  hallucinatedTurns: count,
  hallucinatedCalls: count,
  fallbackCalls: count,
  fallbackServedBy: z.record(z.string(), count),
  ratios: z.record(z.string(), ratio).describe('ratio SLIs 0-1, null without data'),
  latency: z.record(z.string(), latencySchema),
})
const budgetSchema = z.strictObject({
  window: z.union([z.strictObject({ runs: count }), z.strictObject({ days: z.number() })]),
  runs: count,
  bad: count,
  total: count,
  consumedRatio: ratio,
  remainingRatio: ratio,
  burnRate: ratio,
})

/** The zod schema of summary.json (`voxguard.sli-summary` v1); `summary.schema.json` is rendered from it. */
export const SliSummarySchema = z.strictObject({
  $schema: z.string(),
  schema: z.literal('voxguard.sli-summary'),
  version: z.literal(1),
  run: z.strictObject({ runId: z.string(), startedAt: z.string(), endedAt: z.string(), gitCommit: z.string().nullable(), options: z.record(z.string(), z.unknown()) }),
  ok: z.boolean().describe('every objective met, every script valid, every call recorded and judged'),
  orphans: z.strictObject({ recordsWithoutVerdict: z.array(z.string()), verdictsWithoutRecord: z.array(z.string()), duplicateCallIds: z.array(z.string()) }),
  scriptErrors: z.array(z.string()),
  objectives: z.array(
    z.strictObject({
      name: z.string(),
      sli: z.string(),
      protocol: z.enum(['text', 'twilio']).optional(),
      comparison: z.enum(['>=', '<=']),
      target: z.number(),
      allowedBadRatio: z.number(),
      latency: z.strictObject({ metric: z.string(), percentile: z.number(), thresholdMs: z.number() }).optional(),
      actual: ratio,
      status: z.enum(['met', 'broken', 'no_data', 'not_run']),
      events: z.strictObject({ bad: count, total: count }),
      burnRate: ratio,
      budget: budgetSchema.optional(),
    }),
  ),
  slis: z.strictObject({
    overall: sliSetSchema,
    byScript: z.record(z.string(), sliSetSchema),
    byTag: z.record(z.string(), sliSetSchema),
    byProtocol: z.record(z.string(), sliSetSchema),
    byLanguage: z.record(z.string(), sliSetSchema),
  }),
})

export type SliSummary = z.infer<typeof SliSummarySchema>

export const SUMMARY_SCHEMA_ID = 'https://voxguard.dev/schemas/sli-summary.schema.json'

/** The JSON Schema (draft 2020-12) of summary.json, as written to `packages/sli/summary.schema.json`. */
export function renderSummaryJsonSchema(): string {
  const schema = z.toJSONSchema(SliSummarySchema, { target: 'draft-2020-12', io: 'output' })
  return `${JSON.stringify({ ...schema, $id: SUMMARY_SCHEMA_ID, title: 'voxguard SLI summary (summary.json)' }, null, 2)}\n`
}
