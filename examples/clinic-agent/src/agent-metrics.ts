import type { LlmEvent } from '@voxguard/llm'
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

const BREAKER_VALUE: Record<string, number> = { closed: 0, 'half-open': 1, open: 2 }

/** The agent's Prometheus metrics, on its own registry (several agents can run in one process). */
export class AgentMetrics {
  readonly registry = new Registry()
  readonly turnFirstResponse = new Histogram({
    name: 'clinic_agent_turn_first_response_seconds',
    help: 'From the end of the caller turn to the first reply text (text) or audio frame (twilio).',
    labelNames: ['transport'],
    buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8],
    registers: [this.registry],
  })
  readonly turnDuration = new Histogram({
    name: 'clinic_agent_turn_duration_seconds',
    help: 'From the end of the caller turn to the end of the reply (final text, or last audio frame queued).',
    labelNames: ['transport', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13],
    registers: [this.registry],
  })
  readonly calls = new Counter({ name: 'clinic_agent_calls_total', help: 'Calls accepted.', labelNames: ['transport'], registers: [this.registry] })
  readonly agentEvents = new Counter({ name: 'clinic_agent_events_total', help: 'Agent events reported (llm.fallback, asr.empty, …).', labelNames: ['name'], registers: [this.registry] })
  readonly llmAttempts = new Counter({ name: 'clinic_agent_llm_attempts_total', help: 'LLM attempts by target and outcome.', labelNames: ['target', 'route', 'outcome', 'error_kind'], registers: [this.registry] })
  readonly llmFallbacks = new Counter({ name: 'clinic_agent_llm_fallbacks_total', help: 'LLM fallbacks away from a target.', labelNames: ['from', 'to', 'route'], registers: [this.registry] })
  readonly breakerState = new Gauge({ name: 'clinic_agent_llm_breaker_state', help: 'Circuit breaker per target: 0 closed, 1 half-open, 2 open.', labelNames: ['target'], registers: [this.registry] })

  /** Feeds one LLM client event (pass this to `createLlmClient({ onEvent })`). */
  recordLlmEvent(event: LlmEvent): void {
    if (event.type === 'attempt-end') {
      this.llmAttempts.inc({ target: event.target, route: event.route ?? '', outcome: event.outcome ?? 'unknown', error_kind: event.errorCode ?? '' })
    } else if (event.type === 'fallback') {
      this.llmFallbacks.inc({ from: event.target, to: event.nextTarget ?? 'none', route: event.route ?? '' })
    }
    const state = event.type === 'breaker-open' ? 'open' : event.type === 'breaker-half-open' ? 'half-open' : event.type === 'breaker-close' ? 'closed' : event.breakerState
    if (state !== undefined && BREAKER_VALUE[state] !== undefined) this.breakerState.set({ target: event.target }, BREAKER_VALUE[state])
  }
}
