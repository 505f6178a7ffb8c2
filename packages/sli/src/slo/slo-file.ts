import { parseYamlSafely, readSmallTextFile, YamlProblem, type ParsedYaml } from '@voxguard/knowledge'
import { z } from 'zod'
import type { LatencyMetric } from '../call-latencies.ts'
import { LATENCY_BUCKETS_SECONDS } from '../latency-histogram.ts'
import { isRatioSliName, parseLatencySliName, RATIO_SLIS, type LatencyPercentile, type SliName } from '../sli-definitions.ts'
import { SliError } from '../sli-error.ts'

/** The runs an error budget spans: the last N runs, or the runs that started in the last N days before this run ended. */
export type SloWindow = { runs: number } | { days: number }

/** One objective, resolved: what counts as a bad event and how many of them the budget allows. */
export interface Objective {
  /** How reports and metrics name it: the SLI's name, with `:protocol` when it holds for one protocol (`turn_first_byte_p95_ms:twilio`). */
  name: string
  /** The SLI's name. */
  sli: SliName
  /** Set when the objective holds for one protocol's calls only (a phone call's latency budget differs from text). */
  protocol?: 'text' | 'twilio'
  comparison: '>=' | '<='
  /** The number in the file: a ratio 0–1, or milliseconds for a latency percentile. */
  target: number
  /** Share of events that may be bad: `1 - atLeast`, `atMost` for a bad-ratio SLI, `1 - p/100` for a latency percentile. */
  allowedBadRatio: number
  /** Latency objectives: "p% of turns within thresholdMs". */
  latency?: { metric: LatencyMetric; percentile: LatencyPercentile; thresholdMs: number }
}

export interface SloFile {
  version: 2
  window: SloWindow
  objectives: Objective[]
}

const protocol = z.enum(['text', 'twilio']).optional()
const objectiveSchema = z.union([z.strictObject({ sli: z.string(), atLeast: z.number().gt(0).lt(1), protocol }), z.strictObject({ sli: z.string(), atMost: z.number().gt(0), protocol })], {
  error: 'expected { sli, atLeast } or { sli, atMost }',
})
const sloSchema = z.strictObject({
  version: z.literal(2, { error: 'expected 2 (version 1 had no window: add `window: { runs: 14 }` or `window: { days: 28 }` and set `version: 2`)' }),
  window: z.union([z.strictObject({ runs: z.number().int().min(1) }), z.strictObject({ days: z.number().gt(0) })], { error: 'expected { runs: N } or { days: N }' }),
  objectives: z.array(objectiveSchema).min(1),
})

/**
 * Parses an SLO file (YAML, version 2). Errors are `SliError('slo_file_invalid')` naming the
 * file, line and field. The YAML is read with `parseYamlSafely` (alias and merge problems,
 * "billion laughs" and duplicate keys are located errors, never a raw exception or a stall).
 *
 * @example
 * parseSloFile('version: 2\nwindow: { runs: 14 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n', 'slo.yaml')
 */
export function parseSloFile(text: string, file = '<slo>'): SloFile {
  const located = (line: number, field: string, message: string, cause?: unknown): never => {
    throw new SliError('slo_file_invalid', `${file}:${line}: ${field}: ${message}`, { file, line, field, ...(cause === undefined ? {} : { cause }) })
  }
  let yaml: ParsedYaml
  try {
    yaml = parseYamlSafely(text)
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error
    return located(error.line, error.key ?? '(root)', error.message, error)
  }
  const { document, lineCounter } = yaml
  // The node nearest to `path` that is in the text; line 1 when none is (an empty file).
  const fail = (path: ReadonlyArray<PropertyKey>, message: string): never => {
    let offset: number | undefined
    for (let length = path.length; length >= 0 && offset === undefined; length -= 1) {
      const node = length === 0 ? document.contents : document.getIn(path.slice(0, length) as unknown[], true)
      offset = (node as { range?: [number] } | null | undefined)?.range?.[0]
    }
    return located(offset === undefined ? 1 : lineCounter.linePos(offset).line, path.map(String).join('.') || '(root)', message)
  }
  const parsed = sloSchema.safeParse(yaml.data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    fail(issue.path, issue.message)
  }
  const data = parsed.data!
  const seen = new Set<string>()
  const objectives = data.objectives.map((entry, index): Objective => {
    const name = entry.protocol ? `${entry.sli}:${entry.protocol}` : entry.sli
    if (seen.has(name)) fail(['objectives', index, 'sli'], `"${entry.sli}"${entry.protocol ? ` for ${entry.protocol}` : ''} has an objective already (one per SLI and protocol)`)
    seen.add(name)
    const scope = { name, ...(entry.protocol ? { protocol: entry.protocol } : {}) }
    if (isRatioSliName(entry.sli)) {
      const better = RATIO_SLIS[entry.sli].better
      if (better === 'higher' && !('atLeast' in entry)) fail(['objectives', index], `${entry.sli} counts good events: give atLeast (0–1)`)
      if (better === 'lower' && !('atMost' in entry)) fail(['objectives', index], `${entry.sli} counts bad events: give atMost (0–1)`)
      if ('atLeast' in entry) return { ...scope, sli: entry.sli, comparison: '>=', target: entry.atLeast, allowedBadRatio: 1 - entry.atLeast }
      if (entry.atMost >= 1) fail(['objectives', index, 'atMost'], 'a ratio objective must be below 1')
      return { ...scope, sli: entry.sli, comparison: '<=', target: entry.atMost, allowedBadRatio: entry.atMost }
    }
    const latency = parseLatencySliName(entry.sli)
    if (!latency) fail(['objectives', index, 'sli'], `unknown SLI "${entry.sli}"; one of ${[...Object.keys(RATIO_SLIS), 'turn_first_byte_p95_ms', 'turn_complete_p99_ms', 'first_audio_p90_ms', '…'].join(', ')}`)
    if (!('atMost' in entry)) fail(['objectives', index], `${entry.sli} is a latency: give atMost (milliseconds)`)
    const thresholdMs = (entry as { atMost: number }).atMost
    if (!LATENCY_BUCKETS_SECONDS.includes(thresholdMs / 1000)) {
      fail(['objectives', index, 'atMost'], `${thresholdMs} ms is not a histogram bucket bound, so alert rules could not count the turns over it; use one of ${LATENCY_BUCKETS_SECONDS.map((seconds) => seconds * 1000).join(', ')} ms`)
    }
    return { ...scope, sli: entry.sli as SliName, comparison: '<=', target: thresholdMs, allowedBadRatio: 1 - latency!.percentile / 100, latency: { ...latency!, thresholdMs } }
  })
  return { version: 2, window: data.window, objectives }
}

/**
 * Reads and parses an SLO file; a missing file, a folder, a device or pipe, or a file over 8 MiB
 * (`readSmallTextFile`: no hang, no memory blow-up) is an `slo_file_invalid` error naming it.
 */
export async function loadSloFile(file: string): Promise<SloFile> {
  let text: string
  try {
    text = await readSmallTextFile(file)
  } catch (error) {
    throw new SliError('slo_file_invalid', `${file}: cannot read the SLO file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error, file })
  }
  return parseSloFile(text, file)
}
