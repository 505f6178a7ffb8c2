import { metrics, SpanKind, SpanStatusCode, trace, type Histogram, type Meter, type Tracer } from '@opentelemetry/api'
import type { LlmError } from './llm-error.ts'
import type { ProviderName, Usage } from './types.ts'

/** Where spans and metrics go. Defaults: the global OpenTelemetry API (a no-op unless the app registered an SDK). */
export interface TelemetryOptions {
  tracer?: Tracer
  meter?: Meter
}

const instrumentationName = '@voxguard/llm'

/** GenAI semantic-convention provider names. */
const providerNames: Record<ProviderName, string> = {
  openai: 'openai',
  'azure-openai': 'azure.ai.openai',
  bedrock: 'aws.bedrock',
}

export interface CallTelemetry {
  firstChunk(): void
  succeed(served: { provider: ProviderName; model: string; target: string; attempts: number }, usage: Usage | undefined): void
  fail(error: LlmError, attempts: number): void
}

/**
 * Spans and metrics per call, following the OpenTelemetry GenAI conventions: a client
 * span `chat {model}` and the histograms `gen_ai.client.operation.duration` and
 * `gen_ai.client.operation.time_to_first_chunk` (seconds), with `error.type` on failure.
 */
export class Telemetry {
  #tracer: Tracer
  #duration: Histogram
  #timeToFirstChunk: Histogram

  constructor(options: TelemetryOptions = {}) {
    this.#tracer = options.tracer ?? trace.getTracer(instrumentationName)
    const meter = options.meter ?? metrics.getMeter(instrumentationName)
    this.#duration = meter.createHistogram('gen_ai.client.operation.duration', { unit: 's', description: 'GenAI operation duration' })
    this.#timeToFirstChunk = meter.createHistogram('gen_ai.client.operation.time_to_first_chunk', { unit: 's', description: 'Time to receive the first chunk of a streamed response' })
  }

  startCall(route: string, first: { provider: ProviderName; model: string }): CallTelemetry {
    const startedAt = performance.now()
    const base = {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': providerNames[first.provider],
      'gen_ai.request.model': first.model,
    }
    const span = this.#tracer.startSpan(`chat ${first.model}`, { kind: SpanKind.CLIENT, attributes: { ...base, 'voxguard.llm.route': route } })
    let attributes: Record<string, string> = base
    let firstChunkRecorded = false
    const seconds = () => (performance.now() - startedAt) / 1000
    return {
      firstChunk: () => {
        if (firstChunkRecorded) return
        firstChunkRecorded = true
        this.#timeToFirstChunk.record(seconds(), attributes)
      },
      succeed: (served, usage) => {
        attributes = { ...base, 'gen_ai.provider.name': providerNames[served.provider], 'gen_ai.request.model': served.model }
        span.setAttributes({ ...attributes, 'voxguard.llm.served_by': served.target, 'voxguard.llm.attempts': served.attempts })
        if (usage !== undefined) span.setAttributes({ 'gen_ai.usage.input_tokens': usage.inputTokens, 'gen_ai.usage.output_tokens': usage.outputTokens })
        this.#duration.record(seconds(), attributes)
        span.end()
      },
      fail: (error, attempts) => {
        span.setAttributes({ 'error.type': error.code, 'voxguard.llm.attempts': attempts })
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message })
        this.#duration.record(seconds(), { ...attributes, 'error.type': error.code })
        span.end()
      },
    }
  }
}
