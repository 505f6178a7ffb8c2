import { appendFileSync } from 'node:fs'
import { redact } from './logger.ts'

/** Which call an event belongs to: the harness's call id (text `start`, Twilio `customParameters.callId`) and Twilio's `callSid`. */
export interface CallKeys {
  callId?: string | undefined
  callSid?: string | undefined
}

/**
 * The agent event log (docs/protocol.md, "Agent event log"): one JSON line per agent event,
 * keyed by call id and Twilio `callSid`, so a harness or judge can join what the agent heard
 * (`asr.result`) and meant to say (`reply.text`) into its records. Each line is appended
 * synchronously, so it is on disk before the call's next message is handled; values are
 * redacted like the logs (phone numbers, keys).
 *
 * @example
 * const log = new AgentEventLog('/tmp/agent-events.jsonl')
 * log.write({ callSid: 'CA0' }, 'asr.result', { text: 'what time do you open', confidence: 0.8 })
 */
export class AgentEventLog {
  readonly file: string
  readonly #now: () => Date
  constructor(file: string, options: { now?: () => Date } = {}) {
    if (typeof file !== 'string' || file.trim() === '') throw new TypeError('AgentEventLog: a file path is required')
    this.file = file
    this.#now = options.now ?? (() => new Date())
  }

  write(keys: CallKeys, name: string, data: Record<string, unknown>): void {
    const line = {
      schema: 'voxguard.agent-event',
      version: 1,
      at: this.#now().toISOString(),
      ...(keys.callId ? { callId: keys.callId } : {}),
      ...(keys.callSid ? { callSid: keys.callSid } : {}),
      name,
      data: redact(data),
    }
    appendFileSync(this.file, `${JSON.stringify(line)}\n`)
  }
}
