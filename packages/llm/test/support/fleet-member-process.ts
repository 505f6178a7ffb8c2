/**
 * One client of a fleet, as its own process (forked by `start-fleet-member.ts`): a real
 * `createLlmClient` with `createRedisSharedState`, driven over IPC. Streams every event to
 * the parent; answers `chat` (a batch of calls) and `stats`.
 */
import { createLlmClient, type LlmClientOptions, type LlmError } from '@voxguard/llm'
import { createRedisSharedState } from '@voxguard/llm/redis'

export interface FleetMemberConfig {
  namespace: string
  redisUrl: string
  targets: Record<string, { baseURL: string; requestsPerMinute?: number; tokensPerMinute?: number }>
  routes: LlmClientOptions['routes']
  breaker?: LlmClientOptions['breaker']
  retryAfterMs?: number
  commandTimeoutMs?: number
}

export type FleetCommand =
  | { id: number; op: 'chat'; route: string; calls: number; concurrency: number; maxOutputTokens?: number }
  | { id: number; op: 'stats' }

export interface FleetCallResult {
  ok: boolean
  servedBy?: string
  kind?: string
  message?: string
  attempts: Array<{ target: string; outcome: string; errorCode?: string; reason?: string }>
}

const config = JSON.parse(process.argv[2] as string) as FleetMemberConfig
const send = (message: unknown) => process.send?.(message)
const llm = createLlmClient({
  targets: Object.fromEntries(Object.entries(config.targets).map(([name, target]) => [name, { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-fleet-test-0123456789', ...target }])),
  routes: config.routes,
  ...(config.breaker === undefined ? {} : { breaker: config.breaker }),
  sharedState: createRedisSharedState({ namespace: config.namespace, redis: config.redisUrl, ...(config.retryAfterMs === undefined ? {} : { retryAfterMs: config.retryAfterMs }), ...(config.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: config.commandTimeoutMs }) }),
  onEvent: (event) => send({ event }),
})

async function chatBatch(command: Extract<FleetCommand, { op: 'chat' }>): Promise<FleetCallResult[]> {
  const results: FleetCallResult[] = []
  let next = 0
  const worker = async () => {
    while (next < command.calls) {
      next += 1
      try {
        const result = await llm.chat({ route: command.route, messages: [{ role: 'user', content: 'When do you open?' }], ...(command.maxOutputTokens === undefined ? {} : { maxOutputTokens: command.maxOutputTokens }) })
        results.push({ ok: true, servedBy: result.servedBy, attempts: result.attempts })
      } catch (error) {
        const failure = error as LlmError
        results.push({ ok: false, kind: failure.code, message: failure.message, attempts: failure.attempts ?? [] })
      }
    }
  }
  await Promise.all(Array.from({ length: command.concurrency }, worker))
  return results
}

process.on('message', (command: FleetCommand) => {
  void (async () => {
    const reply = command.op === 'chat' ? await chatBatch(command) : llm.targetStats()
    send({ id: command.id, reply })
  })()
})
process.on('disconnect', () => {
  llm.close()
  setTimeout(() => process.exit(0), 50).unref()
})
send({ started: true })
