import { metrics, SpanKind, SpanStatusCode, trace, type Attributes, type Histogram, type Span, type SpanOptions, type Tracer } from '@opentelemetry/api'
import type { Meter } from '@opentelemetry/api'
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

/** A target's provider and model (its adapter). */
export interface TelemetryTarget {
  provider: ProviderName
  model: string
}

/** What one target's spans and metrics carry, computed once per target (span options once per route too). */
interface TargetAttributes {
  /** `gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.model`. */
  base: Attributes
  /** `base` with `voxguard.llm.served_by`. */
  served: Attributes
  spanName: string
  /** Span options per route name. */
  spanOptions: Map<string, SpanOptions>
}

export interface CallTelemetry {
  firstChunk(): void
  /** A chat answer: its first chunk and its end at once. */
  answered(served: TelemetryTarget, targetName: string, attempts: number, usage: Usage | undefined): void
  succeed(served: TelemetryTarget, targetName: string, attempts: number, usage: Usage | undefined): void
  fail(error: LlmError, attempts: number): void
}

/**
 * Spans and metrics per call, following the OpenTelemetry GenAI conventions: a client
 * span `chat {model}` and the histograms `gen_ai.client.operation.duration` and
 * `gen_ai.client.operation.time_to_first_chunk` (seconds), with `error.type` on failure.
 * Attribute sets are built once per target, not per call.
 */
export class Telemetry {
  readonly #tracer: Tracer
  readonly #duration: Histogram
  readonly #timeToFirstChunk: Histogram
  /** Per target name (one adapter per target name in a client). */
  readonly #targets = new Map<string, TargetAttributes>()

  constructor(options: TelemetryOptions = {}) {
    this.#tracer = options.tracer ?? trace.getTracer(instrumentationName)
    const meter = options.meter ?? metrics.getMeter(instrumentationName)
    this.#duration = meter.createHistogram('gen_ai.client.operation.duration', { unit: 's', description: 'GenAI operation duration' })
    this.#timeToFirstChunk = meter.createHistogram('gen_ai.client.operation.time_to_first_chunk', { unit: 's', description: 'Time to receive the first chunk of a streamed response' })
  }

  /** `now`: the call's start on the `performance.now()` clock. */
  startCall(route: string, first: TelemetryTarget, targetName: string, now: number): CallTelemetry {
    const attributes = this.#attributesOf(first, targetName)
    let spanOptions = attributes.spanOptions.get(route)
    if (spanOptions === undefined) {
      spanOptions = { kind: SpanKind.CLIENT, attributes: { ...attributes.base, 'voxguard.llm.route': route } }
      attributes.spanOptions.set(route, spanOptions)
    }
    return new CallSpans(this, this.#tracer.startSpan(attributes.spanName, spanOptions), attributes.base, now)
  }

  /** @internal */
  record(histogram: 'duration' | 'timeToFirstChunk', seconds: number, attributes: Attributes): void {
    ;(histogram === 'duration' ? this.#duration : this.#timeToFirstChunk).record(seconds, attributes)
  }

  /** @internal The cached attributes of a target. */
  attributesOf(target: TelemetryTarget, targetName: string): TargetAttributes {
    return this.#attributesOf(target, targetName)
  }

  #attributesOf(target: TelemetryTarget, targetName: string): TargetAttributes {
    let attributes = this.#targets.get(targetName)
    if (attributes === undefined) {
      const base = { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': providerNames[target.provider], 'gen_ai.request.model': target.model }
      attributes = { base, served: { ...base, 'voxguard.llm.served_by': targetName }, spanName: `chat ${target.model}`, spanOptions: new Map() }
      this.#targets.set(targetName, attributes)
    }
    return attributes
  }
}

/** One call's span and timings. */
class CallSpans implements CallTelemetry {
  readonly #telemetry: Telemetry
  readonly #span: Span
  readonly #startedAt: number
  /** The metric attributes: the first target's until another target serves. */
  #attributes: Attributes
  #firstChunkRecorded = false

  constructor(telemetry: Telemetry, span: Span, attributes: Attributes, startedAt: number) {
    this.#startedAt = startedAt
    this.#telemetry = telemetry
    this.#span = span
    this.#attributes = attributes
  }

  firstChunk(): void {
    if (this.#firstChunkRecorded) return
    this.#firstChunkRecorded = true
    this.#telemetry.record('timeToFirstChunk', this.#seconds(), this.#attributes)
  }

  answered(served: TelemetryTarget, targetName: string, attempts: number, usage: Usage | undefined): void {
    const seconds = this.#seconds()
    if (!this.#firstChunkRecorded) {
      this.#firstChunkRecorded = true
      this.#telemetry.record('timeToFirstChunk', seconds, this.#attributes)
    }
    this.succeed(served, targetName, attempts, usage, seconds)
  }

  succeed(served: TelemetryTarget, targetName: string, attempts: number, usage: Usage | undefined, seconds: number = this.#seconds()): void {
    const attributes = this.#telemetry.attributesOf(served, targetName)
    this.#attributes = attributes.base
    // No tracer registered (the API's no-op span): nothing to set.
    if (this.#span.isRecording()) {
      this.#span.setAttributes(attributes.served)
      this.#span.setAttribute('voxguard.llm.attempts', attempts)
      if (usage !== undefined) {
        this.#span.setAttribute('gen_ai.usage.input_tokens', usage.inputTokens)
        this.#span.setAttribute('gen_ai.usage.output_tokens', usage.outputTokens)
      }
    }
    this.#telemetry.record('duration', seconds, attributes.base)
    this.#span.end()
  }

  fail(error: LlmError, attempts: number): void {
    this.#span.setAttributes({ 'error.type': error.code, 'voxguard.llm.attempts': attempts })
    this.#span.setStatus({ code: SpanStatusCode.ERROR, message: error.message })
    this.#telemetry.record('duration', this.#seconds(), { ...this.#attributes, 'error.type': error.code })
    this.#span.end()
  }

  #seconds(): number {
    return (performance.now() - this.#startedAt) / 1000
  }
}
