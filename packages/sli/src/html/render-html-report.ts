import type { RunReport } from '../build-run-report.ts'
import { LATENCY_METRICS, type LatencyMetric } from '../call-latencies.ts'
import type { SliSet } from '../compute-slis.ts'
import { LATENCY_BUCKETS_SECONDS } from '../latency-histogram.ts'
import { formatObjective, formatPercent, formatSliValue } from '../render/format-values.ts'
import { LATENCY_DESCRIPTIONS, RATIO_SLIS, type RatioSliName } from '../sli-definitions.ts'
import { escapeHtml } from './escape-html.ts'
import { renderFailedCall } from './render-failed-call.ts'
import { REPORT_STYLES } from './report-styles.ts'
import { horizontalBarChart, verticalBarChart } from './svg-charts.ts'

const STATUS_TEXT = { met: 'met', broken: 'broken', no_data: 'no data', not_run: 'not run' } as const

function headline(report: RunReport): string {
  const cards = report.objectives.map((result) => {
    const remaining = result.budget?.remainingRatio ?? null
    const width = remaining === null ? 0 : Math.max(0, Math.min(1, remaining)) * 100
    const window = result.budget ? ('runs' in result.budget.window ? `last ${result.budget.window.runs} runs` : `last ${result.budget.window.days} days`) : ''
    return `<div class="card ${result.status}" data-sli="${escapeHtml(result.name)}"><div class="name">${escapeHtml(result.name)}</div><div class="value">${escapeHtml(formatSliValue(result.sli, result.actual))}</div><div class="target">objective ${escapeHtml(formatObjective(result))} · <span class="status ${result.status}">${STATUS_TEXT[result.status]}</span></div><div class="budget" title="error budget left"><span class="${remaining !== null && remaining < 0.25 ? 'low' : ''}" style="width:${width.toFixed(0)}%"></span></div><div class="muted budget-left">${remaining !== null && remaining < 0 ? `budget overspent by ${formatPercent(-remaining)}` : `budget left ${formatPercent(remaining)}`} (${escapeHtml(window)}: ${result.budget?.runs ?? 0} ${result.budget?.runs === 1 ? 'run' : 'runs'})${result.burnRate !== null ? ` · burn ${result.burnRate.toFixed(1)}x` : ''}</div></div>`
  })
  if (cards.length === 0) {
    for (const [name, value] of Object.entries(report.slis.overall.ratios)) cards.push(`<div class="card" data-sli="${name}"><div class="name">${name}</div><div class="value">${escapeHtml(formatSliValue(name, value))}</div><div class="target muted">no objective (no SLO file)</div></div>`)
  }
  return `<section class="cards">${cards.join('')}</section>`
}

function sliTable(set: SliSet): string {
  const ratioRows = (Object.keys(RATIO_SLIS) as RatioSliName[]).map((name) => `<tr><td><code>${name}</code></td><td class="num">${escapeHtml(formatSliValue(name, set.ratios[name]))}</td><td class="muted">${escapeHtml(RATIO_SLIS[name].formula)}</td></tr>`)
  const latencyRows = LATENCY_METRICS.filter((metric) => set.latency[metric].turns > 0).map((metric) => {
    const stats = set.latency[metric]
    return `<tr><td><code>${metric}</code> <span class="muted">p50 / p90 / p95 / p99</span></td><td class="num">${[stats.p50Ms, stats.p90Ms, stats.p95Ms, stats.p99Ms].map((value) => (value === null ? '–' : Math.round(value))).join(' / ')} ms</td><td class="muted">${escapeHtml(LATENCY_DESCRIPTIONS[metric])} (${stats.turns} turns)</td></tr>`
  })
  return `<table><thead><tr><th>SLI</th><th class="num">value</th><th>formula</th></tr></thead><tbody>${[...ratioRows, ...latencyRows].join('')}</tbody></table>`
}

function latencyChart(set: SliSet, metric: LatencyMetric, objectives: RunReport['objectives']): string {
  const histogram = set.latency[metric].histogram
  const labels = [...LATENCY_BUCKETS_SECONDS.map((bound) => `≤${bound < 1 ? `${Math.round(bound * 1000)}ms` : `${bound}s`}`), `>${LATENCY_BUCKETS_SECONDS.at(-1)}s`]
  const objective = objectives.find((result) => result.latency?.metric === metric && !result.protocol) ?? objectives.find((result) => result.latency?.metric === metric)
  const afterIndex = objective ? LATENCY_BUCKETS_SECONDS.indexOf(objective.latency!.thresholdMs / 1000) : -1
  let last = histogram.counts.length - 1
  while (last > Math.max(8, afterIndex + 2) && histogram.counts[last] === 0) last -= 1
  const bars = histogram.counts.slice(0, last + 1).map((count, index) => ({ label: labels[index]!, value: count }))
  const marker = objective && afterIndex >= 0 && afterIndex < bars.length ? { marker: { afterIndex, label: `objective: p${objective.latency!.percentile} ≤ ${objective.latency!.thresholdMs} ms` } } : {}
  return verticalBarChart(bars, { title: `${metric} latency histogram`, xLabel: `${LATENCY_DESCRIPTIONS[metric]} (turns per bucket)`, ...marker })
}

function failureChart(set: SliSet): string {
  const entries = Object.entries(set.failuresByReason).sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
  const factors = [
    { label: 'system (calls)', value: set.failedFor.system, color: '#c4320a' },
    { label: 'dialogue (calls)', value: set.failedFor.dialogue, color: '#2f6fdf' },
  ]
  const codes = entries.map(([key, count]) => ({ label: key.replace(':', ' · '), value: count, color: key.startsWith('system') ? '#e07a5f' : '#6f9be8' }))
  if (set.failed === 0) return '<p class="muted">No call failed.</p>'
  return horizontalBarChart([...factors, ...codes], { title: 'failed calls by factor and by reason code' })
}

function groupTable(title: string, groups: Record<string, SliSet>): string {
  const rows = Object.entries(groups).map(([key, set]) => {
    const success = set.ratios.call_success_ratio
    return `<tr class="${success !== null && success < 1 ? 'bad' : ''}" data-group="${escapeHtml(key)}"><td>${escapeHtml(key)}</td><td class="num">${set.calls}</td><td class="num">${set.passed}</td><td class="num rate">${formatPercent(success, 1)}</td><td class="num">${set.failedFor.system}</td><td class="num">${set.failedFor.dialogue}</td><td class="num">${set.hallucinatedTurns} / ${set.turnsJudged}</td><td class="num">${set.latency.turn_first_byte.p95Ms === null ? '–' : `${Math.round(set.latency.turn_first_byte.p95Ms)} ms`}</td><td class="num">${set.fallbackCalls}</td></tr>`
  })
  return `<table class="groups"><thead><tr><th>${escapeHtml(title)}</th><th class="num">calls</th><th class="num">passed</th><th class="num">success</th><th class="num">system</th><th class="num">dialogue</th><th class="num">hallucinated turns</th><th class="num">first byte p95</th><th class="num">fallback calls</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

/**
 * The self-contained HTML report of a run: one file, no script, no network (inline CSS and
 * inline SVG charts). Headline SLIs against objectives with error budget left, latency
 * histograms, failures by factor and code, tables per script / tag / protocol / language,
 * and every failed call with its evidence and transcript (hallucinated claims highlighted
 * beside the knowledge-base entry that contradicts them).
 */
export function renderHtmlReport(report: RunReport): string {
  const { overall } = report.slis
  const failed = report.calls.filter((call) => call.verdict.outcome === 'fail')
  const problems = [
    ...report.scriptErrors.map((message) => `<li>invalid script: ${escapeHtml(message)}</li>`),
    ...report.orphans.recordsWithoutVerdict.map((callId) => `<li>recorded but not judged: <code>${escapeHtml(callId)}</code></li>`),
    ...report.orphans.verdictsWithoutRecord.map((callId) => `<li>judged but not recorded: <code>${escapeHtml(callId)}</code></li>`),
    ...report.orphans.duplicateCallIds.map((callId) => `<li>call id twice: <code>${escapeHtml(callId)}</code></li>`),
  ]
  const broken = report.objectives.filter((result) => result.status === 'broken' || result.status === 'no_data').map((result) => result.name)
  const verdictText = report.ok ? 'OK: every objective met' : broken.length > 0 ? `NOT OK: ${broken.join(', ')}` : 'NOT OK: see problems below'
  const latencyPanels = LATENCY_METRICS.filter((metric) => overall.latency[metric].turns > 0).map((metric) => `<div class="panel"><h4>${escapeHtml(metric.replace(/_/g, ' '))}</h4>${latencyChart(overall, metric, report.objectives)}</div>`)
  const options = Object.entries(report.run.options)
    .map(([key, value]) => `${escapeHtml(key)} ${escapeHtml(Array.isArray(value) ? `(${value.length})` : typeof value === 'string' ? value : JSON.stringify(value))}`)
    .join(' · ')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>voxguard report · ${escapeHtml(report.run.runId)}</title><style>${REPORT_STYLES}</style></head>
<body><main>
<header class="run"><div><h1>Voice agent run report</h1>
<div class="muted meta">run <code>${escapeHtml(report.run.runId)}</code> · ${escapeHtml(report.run.startedAt)} → ${escapeHtml(report.run.endedAt)}${report.run.gitCommit ? ` · commit <code>${escapeHtml(report.run.gitCommit.slice(0, 12))}</code>` : ''}</div>
<div class="meta">${overall.calls} calls · ${overall.passed} passed · ${overall.failed} failed (system ${overall.failedFor.system}, dialogue ${overall.failedFor.dialogue}; a call failed for both counts in both)</div>${options ? `<div class="muted meta">options: ${options}</div>` : ''}</div>
<div class="verdict ${report.ok ? 'ok' : 'not-ok'}" id="verdict">${escapeHtml(verdictText)}</div></header>
<h2>Objectives</h2>${headline(report)}
${problems.length > 0 ? `<h2>Problems with this run's inputs</h2><ul class="problems">${problems.join('')}</ul>` : ''}
<h2>Latency</h2><div class="panels">${latencyPanels.join('') || '<p class="muted">No turn was answered: no latency to show (and no latency objective is met).</p>'}</div>
<h2>Failures</h2><div class="panels"><div class="panel">${failureChart(overall)}</div><div class="panel">${sliTable(overall)}</div></div>
<h2>Per script</h2>${groupTable('script', report.slis.byScript)}
<h2>Per tag, protocol and language</h2>${groupTable('tag', report.slis.byTag)}<br>${groupTable('protocol', report.slis.byProtocol)}<br>${groupTable('language', report.slis.byLanguage)}
<h2>Failed calls (${failed.length})</h2>${failed.map(renderFailedCall).join('\n') || '<p class="muted">None.</p>'}
<h2>How to read this</h2><dl class="definitions">${(Object.keys(RATIO_SLIS) as RatioSliName[]).map((name) => `<dt>${name}</dt><dd>${escapeHtml(RATIO_SLIS[name].formula)}: ${escapeHtml(RATIO_SLIS[name].description)}</dd>`).join('')}<dt>system / dialogue</dt><dd>system: infrastructure (unreachable agent, dropped socket, timeout, LLM outage, latency over budget, speech recognition); dialogue: the AI's answer (hallucination, misunderstanding, task not completed, loop, premature hang-up).</dd><dt>error budget</dt><dd>the share of bad events the objective allows over its window; "budget left" 100% is untouched, 0% spent. Burn rate 1x spends it exactly by the end of the window. No data is never a pass.</dd></dl>
</main></body></html>
`
}
