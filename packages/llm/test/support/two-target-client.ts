import { onTestFinished } from 'vitest'
import { createLlmClient, type BreakerOptions, type LlmClient, type OpenAiTargetConfig, type RouteConfig } from '@voxguard/llm'
import { createEventLog } from './event-log.ts'
import { testApiKey } from './openai-wire.ts'

export interface TwoTargetClientOptions {
  /** The primary's OpenAI `baseURL`. */
  primary: string
  /** The secondary's OpenAI `baseURL`. */
  secondary: string
  /** Route `answer` (chain primary → secondary) settings. */
  route?: Partial<RouteConfig>
  breaker?: BreakerOptions
  /** Overrides of the primary target (e.g. rate-limit budgets). */
  primaryConfig?: Partial<OpenAiTargetConfig>
}

/**
 * The router tests' usual client: two OpenAI targets, `primary` (key `testApiKey`) and
 * `secondary`, route `answer` falling back from one to the other, every event logged.
 * Closed when the test finishes.
 */
export function createTwoTargetClient(options: TwoTargetClientOptions): { llm: LlmClient; log: ReturnType<typeof createEventLog> } {
  const log = createEventLog()
  const llm = createLlmClient({
    targets: {
      primary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: options.primary, apiKey: testApiKey, ...options.primaryConfig },
      secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: options.secondary, apiKey: 'sk-secondary-0123456789abcdef' },
    },
    routes: { answer: { chain: ['primary', 'secondary'], ...options.route } },
    onEvent: log.listener,
    ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
  })
  onTestFinished(() => llm.close())
  return { llm, log }
}
