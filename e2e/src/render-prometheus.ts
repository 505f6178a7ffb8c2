import type { Slis } from './compute-slis.ts'
import type { ObjectiveResult } from './evaluate-slos.ts'

function labelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
}

/** Prometheus text exposition of the run's SLIs and objectives (for a Pushgateway or a textfile collector). */
export function renderPrometheus(slis: Slis, objectives: ObjectiveResult[], labels: Record<string, string>, slisByProtocol: Partial<Record<string, Slis>> = {}): string {
  const labelText = Object.entries(labels).map(([name, value]) => `${name}="${labelValue(value)}"`).join(',')
  const lines: string[] = []
  lines.push('# HELP voxguard_sli Service-level indicator of the nightly run (ratios 0-1, latencies in ms).')
  lines.push('# TYPE voxguard_sli gauge')
  for (const [name, value] of Object.entries(slis)) {
    if (name === 'calls') continue
    lines.push(`voxguard_sli{${labelText},sli="${name}"} ${value}`)
    for (const [protocol, values] of Object.entries(slisByProtocol)) if (values) lines.push(`voxguard_sli{${labelText},sli="${name}",protocol="${protocol}"} ${values[name as keyof Slis]}`)
  }
  lines.push('# HELP voxguard_calls_total Calls judged in the nightly run.')
  lines.push('# TYPE voxguard_calls_total gauge')
  lines.push(`voxguard_calls_total{${labelText}} ${slis.calls}`)
  lines.push('# HELP voxguard_slo_met 1 when the objective holds in this run, else 0.')
  lines.push('# TYPE voxguard_slo_met gauge')
  for (const objective of objectives) lines.push(`voxguard_slo_met{${labelText},sli="${objective.sli}"${objective.protocol ? `,protocol="${objective.protocol}"` : ''}} ${objective.met ? 1 : 0}`)
  return lines.join('\n') + '\n'
}
