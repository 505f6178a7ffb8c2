import type { AttemptRecord, LlmErrorCode } from './llm-error.ts'

/** State of one target's circuit breaker. */
export type BreakerState = 'closed' | 'open' | 'half-open'

/** Event names, noun-then-action. */
export type LlmEventType =
  | 'attempt-start'
  | 'attempt-end'
  | 'fallback'
  | 'breaker-open'
  | 'breaker-half-open'
  | 'breaker-close'
  | 'rate-limited'
  | 'cooldown-start'
  | 'shared-state-offline'
  | 'shared-state-online'
  | 'stream-event-skipped'
  | 'stream-restart'

/**
 * One observable step of the client. Events carry target names, timings and error kinds,
 * never credentials, prompts or answers.
 */
export interface LlmEvent {
  type: LlmEventType
  /** Wall-clock time of the event (ms since the epoch). */
  timeMs: number
  target: string
  /** Route of the call; absent for breaker state changes, which are per target. */
  route?: string
  provider?: string
  model?: string
  /** 1-based attempt number within the call. */
  attempt?: number
  latencyMs?: number
  timeToFirstTokenMs?: number
  outcome?: AttemptRecord['outcome']
  errorCode?: LlmErrorCode
  status?: number
  breakerState: BreakerState
  /** For `fallback`: the target the call moves to next (absent when none is left). */
  nextTarget?: string
  /** Human-readable why (e.g. "server 503; fell back"). */
  reason?: string
}

export type LlmEventListener = (event: LlmEvent) => void

/**
 * Calls the listener, never letting a throwing listener break the call it observes.
 */
export function emitEvent(listener: LlmEventListener | undefined, event: Omit<LlmEvent, 'timeMs'>): void {
  if (listener === undefined) return
  try {
    listener({ timeMs: Date.now(), ...event })
  } catch {
    // A listener's own bug must not fail an LLM call; it is the listener's to log.
  }
}
