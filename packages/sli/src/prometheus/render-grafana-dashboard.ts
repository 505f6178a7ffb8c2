import type { Objective } from '../slo/slo-file.ts'
import { METRIC_NAMES } from './create-prometheus-registry.ts'
import { errorRatioRecord } from './render-alert-rules.ts'

interface Panel {
  type: string
  title: string
  description?: string
  gridPos: { x: number; y: number; w: number; h: number }
  targets: Array<{ expr: string; legendFormat?: string; refId: string; format?: string; instant?: boolean }>
  fieldConfig?: unknown
  options?: unknown
}

/**
 * A Grafana dashboard (JSON model, schemaVersion 39) over the metrics voxguard exports and the
 * generated recording rules: last-run SLIs, error budget left, burn rates, failures by factor
 * and reason, latency heatmap and percentiles, per-script success and LLM fallbacks. Import it
 * in Grafana (Dashboards → New → Import) and pick the Prometheus data source.
 */
export function renderGrafanaDashboard(objectives: readonly Objective[]): string {
  const datasource = { type: 'prometheus', uid: '${datasource}' }
  const scripts = 'script=~"$script"'
  let y = 0
  const row = (height: number) => {
    const at = y
    y += height
    return at
  }
  const panels: Panel[] = []
  let top = row(6)
  panels.push({ type: 'stat', title: 'Last run: ratio SLIs', gridPos: { x: 0, y: top, w: 12, h: 6 }, targets: [{ expr: METRIC_NAMES.lastRunSliRatio, legendFormat: '{{sli}}', refId: 'A', instant: true }], fieldConfig: { defaults: { unit: 'percentunit', decimals: 1 } } })
  panels.push({ type: 'bargauge', title: 'Error budget left (SLO window)', gridPos: { x: 12, y: top, w: 12, h: 6 }, targets: [{ expr: METRIC_NAMES.budgetRemaining, legendFormat: '{{slo}}', refId: 'A', instant: true }], fieldConfig: { defaults: { unit: 'percentunit', min: 0, max: 1, thresholds: { mode: 'absolute', steps: [{ color: 'red', value: null }, { color: 'orange', value: 0.25 }, { color: 'green', value: 0.5 }] } } } })
  top = row(8)
  panels.push({
    type: 'timeseries',
    title: 'Burn rate (1h and 6h error ratio / allowed)',
    description: 'Above 14.4 on 1h or 6 on 6h pages (with the short window agreeing).',
    gridPos: { x: 0, y: top, w: 12, h: 8 },
    targets: objectives.flatMap((objective, index) => [
      { expr: `${errorRatioRecord('1h')}{slo="${objective.name}"} / ${Number(objective.allowedBadRatio.toPrecision(12))}`, legendFormat: `${objective.name} 1h`, refId: `A${index}` },
      { expr: `${errorRatioRecord('6h')}{slo="${objective.name}"} / ${Number(objective.allowedBadRatio.toPrecision(12))}`, legendFormat: `${objective.name} 6h`, refId: `B${index}` },
    ]),
  })
  panels.push({ type: 'barchart', title: 'Failed calls by factor and reason (range)', gridPos: { x: 12, y: top, w: 12, h: 8 }, targets: [{ expr: `sum by (factor, reason) (increase(${METRIC_NAMES.failureReasons}{${scripts}}[$__range]))`, legendFormat: '{{factor}} {{reason}}', refId: 'A', instant: true, format: 'table' }] })
  top = row(8)
  panels.push({ type: 'heatmap', title: 'Turn first-byte latency', gridPos: { x: 0, y: top, w: 12, h: 8 }, targets: [{ expr: `sum by (le) (increase(${METRIC_NAMES.turnFirstByte}_bucket{${scripts}}[$__rate_interval]))`, legendFormat: '{{le}}', refId: 'A', format: 'heatmap' }], options: { calculate: false, yAxis: { unit: 's' } } })
  panels.push({
    type: 'timeseries',
    title: 'Turn latency percentiles (1d)',
    gridPos: { x: 12, y: top, w: 12, h: 8 },
    targets: [50, 95, 99].flatMap((quantile, index) => [
      { expr: `histogram_quantile(${quantile / 100}, sum by (le) (rate(${METRIC_NAMES.turnFirstByte}_bucket{${scripts}}[1d])))`, legendFormat: `first byte p${quantile}`, refId: `A${index}` },
      { expr: `histogram_quantile(${quantile / 100}, sum by (le) (rate(${METRIC_NAMES.turnComplete}_bucket{${scripts}}[1d])))`, legendFormat: `complete p${quantile}`, refId: `B${index}` },
    ]),
    fieldConfig: { defaults: { unit: 's' } },
  })
  top = row(8)
  panels.push({ type: 'table', title: 'Call success by script (range)', gridPos: { x: 0, y: top, w: 12, h: 8 }, targets: [{ expr: `sum by (script) (increase(${METRIC_NAMES.calls}{outcome="pass",${scripts}}[$__range])) / sum by (script) (increase(${METRIC_NAMES.calls}{${scripts}}[$__range]))`, refId: 'A', instant: true, format: 'table' }], fieldConfig: { defaults: { unit: 'percentunit' } } })
  panels.push({ type: 'timeseries', title: 'LLM fallbacks by serving target', gridPos: { x: 12, y: top, w: 12, h: 8 }, targets: [{ expr: `sum by (target) (increase(${METRIC_NAMES.fallbacks}{${scripts}}[1d]))`, legendFormat: '{{target}}', refId: 'A' }] })
  const dashboard = {
    uid: 'voxguard-slo',
    title: 'voxguard: voice agent SLOs',
    tags: ['voxguard', 'slo'],
    schemaVersion: 39,
    version: 1,
    editable: true,
    time: { from: 'now-7d', to: 'now' },
    templating: {
      list: [
        { name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Prometheus' },
        { name: 'script', type: 'query', datasource, query: { query: `label_values(${METRIC_NAMES.calls}, script)`, refId: 'script' }, includeAll: true, multi: true, allValue: '.*', current: { text: 'All', value: '$__all' }, refresh: 2 },
      ],
    },
    panels: panels.map((panel, index) => ({ id: index + 1, datasource, ...panel, targets: panel.targets.map((target) => ({ datasource, ...target })) })),
  }
  return `${JSON.stringify(dashboard, null, 2)}\n`
}
