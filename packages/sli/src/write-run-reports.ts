import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunReport } from './build-run-report.ts'
import { renderHtmlReport } from './html/render-html-report.ts'
import { createPrometheusRegistry } from './prometheus/create-prometheus-registry.ts'
import { renderAlertRules } from './prometheus/render-alert-rules.ts'
import { renderGrafanaDashboard } from './prometheus/render-grafana-dashboard.ts'
import { renderJunit } from './render/render-junit.ts'
import { renderSummary } from './render/render-summary.ts'
import type { Objective } from './slo/slo-file.ts'

/** The file names `writeRunReports` writes, in one place. */
export const REPORT_FILES = {
  summary: 'summary.json',
  junit: 'junit.xml',
  prometheus: 'metrics.prom',
  html: 'report.html',
  rules: 'prometheus-rules.yml',
  dashboard: 'grafana-dashboard.json',
} as const

/**
 * Writes a run's reports into `directory`: summary.json, junit.xml, metrics.prom, report.html
 * and, when the run has objectives, prometheus-rules.yml and grafana-dashboard.json. Every
 * file is a pure function of the report, so the same run gives byte-identical files.
 * Returns the paths written.
 */
export async function writeRunReports(directory: string, report: RunReport, objectives: readonly Objective[] = report.objectives): Promise<string[]> {
  await mkdir(directory, { recursive: true })
  const files: Array<[string, string]> = [
    [REPORT_FILES.summary, renderSummary(report)],
    [REPORT_FILES.junit, renderJunit(report)],
    [REPORT_FILES.prometheus, await createPrometheusRegistry(report).metrics()],
    [REPORT_FILES.html, renderHtmlReport(report)],
  ]
  if (objectives.length > 0) files.push(...renderRuleFiles(objectives))
  for (const [name, text] of files) await writeFile(join(directory, name), text)
  return files.map(([name]) => join(directory, name))
}

/** The Prometheus rule file and the Grafana dashboard for a set of objectives (what `voxguard slo rules` writes). */
export function renderRuleFiles(objectives: readonly Objective[]): Array<[string, string]> {
  return [
    [REPORT_FILES.rules, renderAlertRules(objectives)],
    [REPORT_FILES.dashboard, renderGrafanaDashboard(objectives)],
  ]
}
