import type { AgentEventLog } from './agent-event-log.ts'
import type { AgentMetrics } from './agent-metrics.ts'
import type { AppointmentStore } from './appointment-store.ts'
import type { Conversation, ConversationOptions } from './conversation.ts'
import type { Logger } from './logger.ts'
import type { SpeechRecognizer, SpeechSynthesizer } from '@voxguard/harness/speech'

/** What every call handler shares: the conversation's dependencies plus logs and metrics. */
export interface AgentContext {
  conversation: Omit<ConversationOptions, 'logger'>
  store: AppointmentStore
  /** A new call's conversation: the shared appointment book, or its own (`appointmentBook: per-call`). */
  startConversation: (logger: Logger) => Conversation
  logger: Logger
  metrics: AgentMetrics
  /** Speech engines of the Twilio transport, and pre-synthesised canned lines (μ-law). */
  speech?: {
    recognizer: SpeechRecognizer
    synthesizer: SpeechSynthesizer
    cannedAudio: Map<string, Uint8Array>
  }
  /** Where agent events also go, keyed by call (agent.yaml `eventLog`). Default: none. */
  eventLog?: AgentEventLog
  /** Silence (caller.silence) this long gets a re-prompt. Default 4000. */
  repromptAfterSilenceMs?: number
}
