import type { KnowledgeBase } from '@voxguard/knowledge'
import { http, type HttpHandler } from 'msw'
import type { ChaosProfile, ChaosProfileInput } from './chaos-profile.ts'
import type { GroundTruthRecord } from './ground-truth-record.ts'
import { createMockEngine } from './internal/mock-engine.ts'
import { resolveEngineInputs } from './internal/resolve-engine-inputs.ts'
import { MockLlmError } from './mock-llm-error.ts'

/** Options of {@link createMockHandlers}. Every field is optional. */
export interface CreateMockHandlersOptions {
  /** Knowledge base (file path or object). Default: the profile's `knowledgeBase`, else none. */
  knowledgeBase?: string | KnowledgeBase
  /** Overrides the profile's `seed`. */
  seed?: number
  /**
   * Only requests to this origin are answered (e.g. `https://mock-llm.test`). Default: any
   * origin, so the SDKs' real base URLs (`https://api.openai.com/v1`...) are intercepted too.
   */
  baseUrl?: string
  /** Called with each ground-truth record as it happens. */
  onRecord?: (record: GroundTruthRecord) => void
}

/**
 * msw request handlers that answer like {@link startMockServer}, from the same engine:
 * same paths and targets, wire formats, chaos and brain. For unit tests with `setupServer`.
 * The outage timeline starts when this is called. msw in Node sees HTTP/1.1 only: give the
 * Bedrock client `requestHandler: new NodeHttpHandler()`.
 * @param profile a validated profile or one as written (a YAML file: `await loadChaosProfile(file)` first). Default: one perfect target named `default`.
 * @throws MockLlmError `profile_invalid`, `knowledge_base_invalid`, `option_invalid`
 * @example
 * const records: GroundTruthRecord[] = []
 * const server = setupServer(...createMockHandlers({ targets: { openai: { errors: { rate429: 0.2 } } } }, { onRecord: (record) => records.push(record) }))
 * server.listen()
 * const client = new OpenAI({ apiKey: 'test', baseURL: 'https://mock-llm.test/openai/v1' }) // target "openai"
 */
export function createMockHandlers(profile?: ChaosProfile | ChaosProfileInput, options: CreateMockHandlersOptions = {}): HttpHandler[] {
  let origin: string | undefined
  if (options.baseUrl !== undefined) {
    try {
      origin = new URL(options.baseUrl).origin
    } catch {
      throw new MockLlmError('option_invalid', `baseUrl: expected an absolute URL such as https://mock-llm.test, got ${JSON.stringify(options.baseUrl)}`, { option: 'baseUrl', expected: 'an absolute URL', received: options.baseUrl })
    }
  }
  const inputs = resolveEngineInputs(profile, options.knowledgeBase, options.seed)
  const engine = createMockEngine({ ...inputs, nowMs: () => performance.now(), onRecord: (record) => options.onRecord?.(record) })
  const handler = http.post(
    ({ request }) => (origin === undefined || new URL(request.url).origin === origin) && engine.route(request) !== undefined,
    async ({ request }) => {
      const match = engine.route(request)!
      return engine.handle(request, match, request.signal)
    },
  )
  return [handler]
}
