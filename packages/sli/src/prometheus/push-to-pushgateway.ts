import { Pushgateway } from 'prom-client'
import type { RunReport } from '../build-run-report.ts'
import { SliError } from '../sli-error.ts'
import { createPrometheusRegistry } from './create-prometheus-registry.ts'

export interface PushToPushgatewayOptions {
  /** The Pushgateway's base URL, e.g. `http://pushgateway:9091`. Required. */
  url: string
  /** The `job` label of the group. Default `voxguard`. */
  jobName?: string
  /** More grouping labels (e.g. `{ suite: 'nightly', profile: 'calm' }`): one group per distinct set. Default none. */
  groupings?: Record<string, string>
  /**
   * `push` (HTTP PUT, default): the group's metrics become exactly this run's, so a script
   * removed from the suite disappears. `pushAdd` (HTTP POST): only metrics with the same names
   * are replaced and the group's others stay (use it when several jobs share one group).
   */
  method?: 'push' | 'pushAdd'
  /** Abandon the request after this many ms. Default 10000. */
  timeoutMs?: number
}

/**
 * Pushes a run's metrics (the same registry `renderPrometheus` renders) to a Pushgateway,
 * under `job` + grouping labels; Prometheus scrapes the gateway with `honor_labels: true`.
 *
 * @example
 * await pushToPushgateway(report, { url: 'http://127.0.0.1:9091', groupings: { suite: 'nightly' } })
 */
export async function pushToPushgateway(report: RunReport, options: PushToPushgatewayOptions): Promise<void> {
  let url: URL
  try {
    url = new URL(options.url)
  } catch (error) {
    throw new SliError('option_invalid', `pushToPushgateway option url: not a URL ("${options.url}")`, { cause: error, option: 'url' })
  }
  const timeoutMs = options.timeoutMs ?? 10_000
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new SliError('option_invalid', `pushToPushgateway option timeoutMs: expected a positive integer, got ${timeoutMs}`, { option: 'timeoutMs' })
  const gateway = new Pushgateway(url.href.replace(/\/$/, ''), { timeout: timeoutMs }, createPrometheusRegistry(report))
  const parameters = { jobName: options.jobName ?? 'voxguard', ...(options.groupings ? { groupings: options.groupings } : {}) }
  try {
    await (options.method === 'pushAdd' ? gateway.pushAdd(parameters) : gateway.push(parameters))
  } catch (error) {
    const status = /status (\d{3})/.exec((error as Error).message)?.[1]
    throw new SliError('export_failed', `Pushgateway ${url.origin} refused the push: ${(error as Error).message}`, { cause: error, ...(status ? { status: Number(status) } : {}) })
  }
}
