import { AGENT_EVENTS } from '@voxguard/harness'
import type { AgentMetrics } from './agent-metrics.ts'
import type { Logger } from './logger.ts'

/**
 * Records one agent event (docs/protocol.md, "Agent events") the same way on every
 * transport: `clinic_agent_events_total{name}` and a log line `"message":"agent event"`
 * (info for a hand-off, warn for everything else: those say something went wrong).
 */
export function recordAgentEvent(metrics: AgentMetrics, logger: Logger, name: string, data: Record<string, unknown>): void {
  metrics.agentEvents.inc({ name })
  const log = name === AGENT_EVENTS.handoffHuman ? logger.info : logger.warn
  log('agent event', { event: name, data })
}
