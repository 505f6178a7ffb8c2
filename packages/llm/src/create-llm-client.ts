import { CallContext } from './call-context.ts'
import { chatWithFailover } from './chat-with-failover.ts'
import type { LlmClientOptions } from './client-options.ts'
import { CallDeadline } from './deadline.ts'
import { DeadlineClock } from './deadline-clock.ts'
import { emitEvent } from './emit-event.ts'
import { FleetLink } from './fleet-link.ts'
import type { LlmCallRequest, LlmChatResult, LlmClient, LlmStreamPart } from './llm-client-types.ts'
import { LlmError } from './llm-error.ts'
import { createProviderAdapter } from './providers/create-provider-adapter.ts'
import { RateLimitBudget } from './rate-limit-budget.ts'
import { resolveRoute, targetsOfChain, type ResolvedRoute } from './route-config.ts'
import { selectFromPool, type PoolSelectionState } from './select-from-pool.ts'
import { streamWithFailover } from './stream-with-failover.ts'
import { TargetBreaker } from './target-breaker.ts'
import { validateClientOptions } from './validate-client-options.ts'
import { TargetRuntime } from './target-runtime.ts'
import type { ProviderRequest, Usage } from './types.ts'
import { Telemetry, type CallTelemetry } from './telemetry.ts'

/**
 * Creates the resilient client: routes with fallback chains and pools, retries that honour
 * rate-limit headers, one circuit breaker per target, deadlines and streaming failover.
 * Throws at once, naming the field, when the configuration is wrong.
 * @example
 * const llm = createLlmClient({
 *   targets: {
 *     'azure-japaneast': { provider: 'azure-openai', endpoint: 'https://je.openai.azure.com', deployment: 'gpt-4o-mini', apiKey },
 *     openai: { provider: 'openai', model: 'gpt-4o-mini', apiKey: openAiKey },
 *   },
 *   routes: { answer: { chain: ['azure-japaneast', 'openai'], deadlineMs: 8000 } },
 *   onEvent: (event) => console.log(event.type, event.target),
 * })
 * const result = await llm.chat({ route: 'answer', messages: [{ role: 'user', content: 'Hi' }] })
 * console.log(result.text, result.servedBy)
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  validateClientOptions(options)
  const createAdapter = options.createAdapter ?? createProviderAdapter
  const runtimes = new Map<string, TargetRuntime>()
  let fleet: FleetLink | undefined
  for (const [name, config] of Object.entries(options.targets)) {
    const adapter = createAdapter(name, config)
    const breaker = new TargetBreaker(name, options.breaker ?? {}, (state, openForMs) => {
      const type = state === 'open' ? 'breaker-open' : state === 'half-open' ? 'breaker-half-open' : 'breaker-close'
      const byFleet = fleet?.applying === true ? 'by the fleet' : undefined
      emitEvent(options.onEvent, {
        type,
        target: name,
        provider: adapter.provider,
        model: adapter.model,
        breakerState: state,
        ...(openForMs === undefined ? (byFleet === undefined ? {} : { reason: `closed ${byFleet}` }) : { reason: `open for ${openForMs} ms${byFleet === undefined ? '' : `; opened ${byFleet}`}` }),
      })
      const runtime = runtimes.get(name)
      if (runtime !== undefined) fleet?.breakerChanged(runtime, state, openForMs)
    })
    const budget = new RateLimitBudget({
      ...(config.requestsPerMinute === undefined ? {} : { requestsPerMinute: config.requestsPerMinute }),
      ...(config.tokensPerMinute === undefined ? {} : { tokensPerMinute: config.tokensPerMinute }),
    })
    runtimes.set(name, new TargetRuntime(name, adapter, breaker, budget))
  }
  if (options.sharedState !== undefined) fleet = new FleetLink(options.sharedState, runtimes, options.onEvent)
  const routes = new Map<string, ResolvedRoute>(Object.entries(options.routes).map(([name, route]) => [name, resolveRoute(name, route)]))
  const telemetry = new Telemetry(options.telemetry)
  const poolState: PoolSelectionState = {
    cursors: new Map(),
    latencyOf: (target) => {
      const runtime = runtimes.get(target)
      if (runtime?.latencyEwmaMs === undefined || runtime.latencyMeasuredAtMs === undefined) return undefined
      return { ewmaMs: runtime.latencyEwmaMs, measuredAtMs: runtime.latencyMeasuredAtMs }
    },
  }
  const clock = new DeadlineClock()
  let closed = false

  /** A chain without pools has the same plan on every call: computed once. */
  const fixedPlans = new Map<ResolvedRoute, TargetRuntime[]>()
  for (const route of routes.values()) {
    if (route.chain.every((entry) => typeof entry === 'string')) fixedPlans.set(route, targetsOfChain(route.chain).map((name) => runtimes.get(name) as TargetRuntime))
  }

  /** The ordered targets of one call: chain order, pools expanded by their strategy. */
  const planFor = (route: ResolvedRoute): TargetRuntime[] =>
    fixedPlans.get(route) ?? targetsOfChain(route.chain, (pool) => selectFromPool(pool, poolState)).map((name) => runtimes.get(name) as TargetRuntime)

  const begin = (request: LlmCallRequest) => {
    if (closed) throw new LlmError('aborted', 'the client is closed')
    const route = routes.get(request?.route)
    if (route === undefined) {
      throw new LlmError('request_invalid', `route: unknown route "${String(request?.route)}"; known routes: ${[...routes.keys()].join(', ')}`)
    }
    const plan = planFor(route)
    const now = performance.now()
    const deadline = new CallDeadline(clock, route.deadlineMs, request.signal, now)
    const call = new CallContext(route, deadline, providerRequestOf(request), options.onEvent)
    const first = plan[0] as TargetRuntime
    const spans = telemetry.startCall(route.name, first.adapter, first.name, now)
    return { call, plan, spans }
  }

  return {
    async chat(request: LlmCallRequest): Promise<LlmChatResult> {
      const { call, plan, spans } = begin(request)
      try {
        const result = await chatWithFailover(call, plan)
        const served = runtimes.get(result.servedBy) as TargetRuntime
        spans.answered(served.adapter, served.name, call.attempts.length, result.usage)
        return result
      } catch (error) {
        throw failSpans(spans, call, error)
      } finally {
        call.deadline.dispose()
      }
    },

    async *stream(request: LlmCallRequest): AsyncGenerator<LlmStreamPart> {
      const { call, plan, spans } = begin(request)
      try {
        for await (const part of streamWithFailover(call, plan, () => spans.firstChunk())) {
          if (part.type === 'end') succeedSpans(spans, runtimes.get(part.servedBy) as TargetRuntime, call, part.usage)
          yield part
        }
      } catch (error) {
        throw failSpans(spans, call, error)
      } finally {
        call.deadline.dispose()
      }
    },

    targetStats: () => [...runtimes.values()].map((runtime) => runtime.stats()),

    close(): void {
      closed = true
      for (const runtime of runtimes.values()) runtime.breaker.shutdown()
      clock.close()
      void fleet?.session.close()
    },
  }
}

function succeedSpans(spans: CallTelemetry, served: TargetRuntime, call: CallContext, usage: Usage | undefined): void {
  spans.succeed(served.adapter, served.name, call.attempts.length, usage)
}

function failSpans(spans: CallTelemetry, call: CallContext, error: unknown): LlmError {
  const failure = LlmError.isInstance(error) ? error : new LlmError('all_failed', String(error), { attempts: call.attempts, cause: error })
  spans.fail(failure, call.attempts.length)
  return failure
}

/** The request without the router's fields (`route`, `signal`): what every attempt sends. */
function providerRequestOf(request: LlmCallRequest): Omit<ProviderRequest, 'signal'> {
  const providerRequest: Omit<ProviderRequest, 'signal'> = { messages: request.messages }
  if (request.tools !== undefined) providerRequest.tools = request.tools
  if (request.maxOutputTokens !== undefined) providerRequest.maxOutputTokens = request.maxOutputTokens
  if (request.temperature !== undefined) providerRequest.temperature = request.temperature
  if (request.stopSequences !== undefined) providerRequest.stopSequences = request.stopSequences
  return providerRequest
}
