import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRunReport, exportOtlpMetrics, LATENCY_BUCKETS_SECONDS, parseSloFile, SliError } from '@voxguard/sli'
import { sampleRun } from './helpers/sample-run.ts'

/** OTLP/JSON (opentelemetry-proto, JSON mapping): what the receiver decodes. */
interface AnyValue {
  stringValue?: string
  intValue?: string | number
  doubleValue?: number
}
interface KeyValue {
  key: string
  value: AnyValue
}
interface NumberPoint {
  attributes?: KeyValue[]
  asInt?: string | number
  asDouble?: number
  startTimeUnixNano?: string
  timeUnixNano: string
}
interface HistogramPoint {
  attributes?: KeyValue[]
  count: string | number
  sum?: number
  bucketCounts: Array<string | number>
  explicitBounds: number[]
}
interface OtlpMetric {
  name: string
  unit?: string
  description?: string
  sum?: { dataPoints: NumberPoint[]; aggregationTemporality: number; isMonotonic?: boolean }
  gauge?: { dataPoints: NumberPoint[] }
  histogram?: { dataPoints: HistogramPoint[]; aggregationTemporality: number }
}
interface ExportMetricsServiceRequest {
  resourceMetrics: Array<{ resource: { attributes: KeyValue[] }; scopeMetrics: Array<{ scope: { name: string }; metrics: OtlpMetric[] }> }>
}

/** Decoded data point: attributes as a plain object, the value as a number (int64 arrives as a string in OTLP/JSON). */
interface Decoded {
  name: string
  unit: string
  kind: 'sum' | 'gauge' | 'histogram'
  temporality?: 'delta' | 'cumulative'
  points: Array<{ attributes: Record<string, string>; value?: number; count?: number; sum?: number; bucketCounts?: number[]; explicitBounds?: number[] }>
}

const attributes = (list: KeyValue[] | undefined) => Object.fromEntries((list ?? []).map(({ key, value }) => [key, value.stringValue ?? String(value.intValue ?? value.doubleValue)]))
const temporality = (value: number) => (value === 1 ? 'delta' : value === 2 ? 'cumulative' : 'unspecified')

function decode(body: ExportMetricsServiceRequest): { resource: Record<string, string>; metrics: Decoded[] } {
  expect(body.resourceMetrics).toHaveLength(1)
  const [resourceMetrics] = body.resourceMetrics
  const metrics: Decoded[] = []
  for (const scope of resourceMetrics!.scopeMetrics) {
    expect(scope.scope.name).toBe('@voxguard/sli')
    for (const metric of scope.metrics) {
      if (metric.sum) metrics.push({ name: metric.name, unit: metric.unit ?? '', kind: 'sum', temporality: temporality(metric.sum.aggregationTemporality) as 'delta', points: metric.sum.dataPoints.map((point) => ({ attributes: attributes(point.attributes), value: Number(point.asInt ?? point.asDouble) })) })
      else if (metric.gauge) metrics.push({ name: metric.name, unit: metric.unit ?? '', kind: 'gauge', points: metric.gauge.dataPoints.map((point) => ({ attributes: attributes(point.attributes), value: Number(point.asInt ?? point.asDouble) })) })
      else if (metric.histogram) {
        metrics.push({
          name: metric.name,
          unit: metric.unit ?? '',
          kind: 'histogram',
          temporality: temporality(metric.histogram.aggregationTemporality) as 'delta',
          points: metric.histogram.dataPoints.map((point) => ({ attributes: attributes(point.attributes), count: Number(point.count), ...(point.sum !== undefined ? { sum: point.sum } : {}), bucketCounts: point.bucketCounts.map(Number), explicitBounds: point.explicitBounds })),
        })
      } else throw new Error(`metric ${metric.name} has no sum, gauge or histogram`)
    }
  }
  return { resource: attributes(resourceMetrics!.resource.attributes), metrics }
}

describe('OTLP/HTTP metrics export to a local receiver', () => {
  let server: Server
  let url = ''
  const received: Array<{ path: string; headers: IncomingHttpHeaders; body: ExportMetricsServiceRequest }> = []
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        if (request.headers['x-reject'] === 'yes') {
          response.writeHead(400, { 'content-type': 'application/json' }).end('{"code":3,"message":"rejected by test"}')
          return
        }
        received.push({ path: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportMetricsServiceRequest })
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1/metrics`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('sends names, units and attributes the receiver decodes: delta counters, histograms with voxguard buckets, SLO gauges', async () => {
    const slo = parseSloFile('version: 2\nwindow: { runs: 7 }\nobjectives:\n  - sli: availability_ratio\n    atLeast: 0.95\n')
    const report = buildRunReport({ ...(await sampleRun()), slo })
    await exportOtlpMetrics(report, { url, headers: { 'api-key': 'test-key' }, resourceAttributes: { 'deployment.environment': 'ci' } })
    expect(received).toHaveLength(1)
    const [request] = received
    expect(request!.path).toBe('/v1/metrics')
    expect(request!.headers['content-type']).toContain('application/json')
    expect(request!.headers['api-key']).toBe('test-key')
    const { resource, metrics } = decode(request!.body)
    expect(resource).toMatchObject({ 'service.name': 'voxguard', 'voxguard.run.id': 'run-1', 'deployment.environment': 'ci' })
    const byName = new Map(metrics.map((metric) => [metric.name, metric]))

    const calls = byName.get('voxguard.calls')!
    expect(calls).toMatchObject({ unit: '{call}', kind: 'sum', temporality: 'delta' })
    const total = (outcome: string) => calls.points.filter((point) => point.attributes['outcome'] === outcome).reduce((sum, point) => sum + point.value!, 0)
    expect([total('pass'), total('fail')]).toEqual([3, 3])
    expect(calls.points.find((point) => point.attributes['script'] === 'hours-ja' && point.attributes['outcome'] === 'pass')!.attributes).toEqual({ script: 'hours-ja', protocol: 'twilio', language: 'ja', outcome: 'pass' })
    for (const metric of metrics) for (const point of metric.points) expect(Object.keys(point.attributes)).not.toContain('call_id')

    const failed = byName.get('voxguard.calls.failed')!
    const factor = (name: string) => failed.points.filter((point) => point.attributes['factor'] === name).reduce((sum, point) => sum + point.value!, 0)
    expect([factor('system'), factor('dialogue')]).toEqual([2, 2])
    expect(byName.get('voxguard.calls.failure_reasons')!.points.find((point) => point.attributes['reason'] === 'socket_dropped')).toMatchObject({ value: 1, attributes: { factor: 'system', script: 'address' } })
    expect(byName.get('voxguard.llm.fallbacks')!.points[0]).toMatchObject({ value: 1, attributes: { target: 'azure-swedencentral' } })

    const firstByte = byName.get('voxguard.turn.first_byte.duration')!
    expect(firstByte).toMatchObject({ unit: 's', kind: 'histogram', temporality: 'delta' })
    expect(firstByte.points.reduce((sum, point) => sum + point.count!, 0)).toBe(5)
    expect(firstByte.points[0]!.explicitBounds).toEqual([...LATENCY_BUCKETS_SECONDS])
    const saturday = firstByte.points.find((point) => point.attributes['script'] === 'saturday')!
    expect(saturday.sum).toBeCloseTo(2.3)
    expect(saturday.bucketCounts![LATENCY_BUCKETS_SECONDS.indexOf(2.5)]).toBe(1)
    expect(byName.get('voxguard.turn.first_audio.duration')!.points.map((point) => point.attributes['protocol'])).toEqual(['twilio'])

    expect(byName.get('voxguard.run.sli')!.points.find((point) => point.attributes['sli'] === 'availability_ratio')!.value).toBeCloseTo(4 / 6)
    expect(byName.get('voxguard.slo.error_budget.remaining')).toMatchObject({ unit: '1', kind: 'gauge' })
    expect(byName.get('voxguard.slo.burn_rate')!.points.find((point) => point.attributes['window'] === 'run')!.value).toBeCloseTo((2 / 6) / 0.05)
  })

  it('an endpoint that refuses the export is an export_failed error naming it', async () => {
    const report = buildRunReport(await sampleRun())
    const error = await exportOtlpMetrics(report, { url, headers: { 'x-reject': 'yes' } }).catch((caught: unknown) => caught)
    expect(SliError.isInstance(error)).toBe(true)
    expect((error as SliError).code).toBe('export_failed')
    expect((error as SliError).message).toContain(url)
  })
})
