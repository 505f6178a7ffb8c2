import { AGENT_EVENTS } from '@voxguard/harness'
import type { AgentEventLog, CallKeys } from './agent-event-log.ts'
import type { AgentMetrics } from './agent-metrics.ts'
import type { Logger } from './logger.ts'

/** Events that describe a normal turn (what was heard, what was said): logged at debug, not counted as problems. */
const TRANSCRIPT_EVENTS = new Set<string>([AGENT_EVENTS.asrResult, AGENT_EVENTS.replyText])

/**
 * Records one agent event (docs/protocol.md, "Agent events") the same way on every
 * transport: `clinic_agent_events_total{name}`, a log line `"message":"agent event"` (info for
 * a hand-off, debug for `asr.result` / `reply.text`, warn for everything else: those say
 * something went wrong) and, when configured, a line in the agent event log.
 */
export function recordAgentEvent(metrics: AgentMetrics, logger: Logger, name: string, data: Record<string, unknown>, eventLog?: { log: AgentEventLog; keys: CallKeys }): void {
  eventLog?.log.write(eventLog.keys, name, data)
  if (TRANSCRIPT_EVENTS.has(name)) return logger.debug('agent event', { event: name, data })
  metrics.agentEvents.inc({ name })
  const log = name === AGENT_EVENTS.handoffHuman ? logger.info : logger.warn
  log('agent event', { event: name, data })
}
