import { createRequire } from 'node:module'
import type * as SdkMetrics from '@opentelemetry/sdk-metrics'
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base'
import { describe, expect, it } from 'vitest'
import { createLlmClient, LlmError } from '@voxguard/llm'
import { fakeAdapter } from './support/fake-adapter.ts'

// Loaded through require: vitest's resolver picks @opentelemetry/api's extensionless
// "module" build for these packages, which Node cannot load; their CommonJS build is fine.
const require = createRequire(import.meta.url)
const { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } = require('@opentelemetry/sdk-metrics') as typeof SdkMetrics
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase

describe('OpenTelemetry GenAI spans and metrics', () => {
  it('records a chat span and the duration and time-to-first-chunk histograms', async () => {
    const spans = new InMemorySpanExporter()
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] })
    const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
    const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 })
    const meterProvider = new MeterProvider({ readers: [reader] })
    const adapters = { a: fakeAdapter('a', [{ error: new LlmError('auth', 'down', { status: 401 }) }, { error: new LlmError('auth', 'down', { status: 401 }) }]), b: fakeAdapter('b', []) }
    const llm = createLlmClient({
      targets: { a: { provider: 'openai', model: 'a-model', apiKey: 'k' }, b: { provider: 'openai', model: 'b-model', apiKey: 'k' } },
      routes: { answer: { chain: ['a', 'b'] }, only: { chain: ['a'] } },
      createAdapter: (name) => adapters[name as 'a' | 'b'],
      telemetry: { tracer: tracerProvider.getTracer('test'), meter: meterProvider.getMeter('test') },
    })
    for await (const _part of llm.stream({ route: 'answer', messages: [{ role: 'user', content: 'hi' }] })) void _part
    await llm.chat({ route: 'only', messages: [{ role: 'user', content: 'hi' }] }).catch(() => undefined)
    await reader.forceFlush()
    llm.close()

    const [ok, failed] = spans.getFinishedSpans()
    expect(ok?.name).toBe('chat a-model')
    expect(ok?.attributes).toMatchObject({ 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'b-model', 'voxguard.llm.served_by': 'b' })
    expect(failed?.attributes['error.type']).toBe('all_failed')
    expect(failed?.status.code).toBe(2)
    const metrics = metricExporter.getMetrics().flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics))
    const names = metrics.map((metric) => `${metric.descriptor.name} (${metric.descriptor.unit})`)
    expect(names).toEqual(expect.arrayContaining(['gen_ai.client.operation.duration (s)', 'gen_ai.client.operation.time_to_first_chunk (s)']))
    const duration = metrics.find((metric) => metric.descriptor.name === 'gen_ai.client.operation.duration')
    expect(duration?.dataPoints.map((point) => point.attributes['error.type'])).toEqual(expect.arrayContaining([undefined, 'all_failed']))
  })
})
