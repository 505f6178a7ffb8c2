import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { z } from 'zod'
import type { SliName, Slis } from './compute-slis.ts'

const sliNames = [
  'call_success_ratio', 'system_failure_ratio', 'dialogue_failure_ratio', 'hallucinated_turn_ratio',
  'fallback_call_ratio', 'turn_first_byte_p50_ms', 'turn_first_byte_p95_ms', 'turn_first_byte_p99_ms', 'turn_complete_p95_ms',
] as const satisfies readonly SliName[]

/** An objective with `protocol` holds for that protocol's calls only (e.g. a phone call's first-byte budget); without, for all calls. */
const protocol = z.enum(['text', 'twilio']).optional()
const objectiveSchema = z.union([
  z.strictObject({ sli: z.enum(sliNames), atLeast: z.number(), protocol }),
  z.strictObject({ sli: z.enum(sliNames), atMost: z.number(), protocol }),
])
const sloFileSchema = z.strictObject({ version: z.literal(1), objectives: z.array(objectiveSchema).min(1) })

export type Objective = z.infer<typeof objectiveSchema>

export interface ObjectiveResult {
  sli: SliName
  /** Set when the objective holds for one protocol's calls. */
  protocol?: 'text' | 'twilio'
  comparison: '>=' | '<='
  target: number
  actual: number
  met: boolean
  /** For ratio objectives: share of the error budget this run used (1 = all of it). */
  budgetUsedRatio?: number
}

/** Reads an SLO file; errors name the file and the field. */
export async function loadObjectives(file: string): Promise<Objective[]> {
  const parsed = sloFileSchema.safeParse(parse(await readFile(file, 'utf8')))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  return parsed.data.objectives
}

/** Compares each SLI with its objective; an objective for a protocol that did not run is left out. */
export function evaluateSlos(allSlis: Slis, objectives: Objective[], slisByProtocol: Partial<Record<'text' | 'twilio', Slis>> = {}): ObjectiveResult[] {
  return objectives.flatMap((objective): ObjectiveResult[] => {
    const slis = objective.protocol ? slisByProtocol[objective.protocol] : allSlis
    if (!slis) return []
    const actual = slis[objective.sli]
    const scope = objective.protocol ? { protocol: objective.protocol } : {}
    if ('atLeast' in objective) {
      const budget = 1 - objective.atLeast
      const result: ObjectiveResult = { sli: objective.sli, ...scope, comparison: '>=', target: objective.atLeast, actual, met: actual >= objective.atLeast }
      if (objective.sli.endsWith('_ratio') && budget > 0) result.budgetUsedRatio = (1 - actual) / budget
      return [result]
    }
    const result: ObjectiveResult = { sli: objective.sli, ...scope, comparison: '<=', target: objective.atMost, actual, met: actual <= objective.atMost }
    if (objective.sli.endsWith('_ratio') && objective.atMost > 0) result.budgetUsedRatio = actual / objective.atMost
    return [result]
  })
}
