import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import { afterEach } from 'vitest'
import { startMockServer, type MockServer, type TargetBehaviourInput } from '@voxguard/mock-llm'

/** A minimal OpenAI chat request body. */
export const chatBody = (extra: object = {}) =>
  JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], ...extra })

/** POSTs an OpenAI chat completion with raw fetch (the SDK is exercised elsewhere). */
export function postChat(baseUrl: string, extra: object = {}, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: chatBody(extra),
    ...init,
  })
}

/** POSTs a Bedrock Converse (or ConverseStream) request with raw fetch and a bearer key. */
export function postConverse(baseUrl: string, operation: 'converse' | 'converse-stream' = 'converse'): Promise<Response> {
  return fetch(`${baseUrl}/model/m/${operation}`, {
    method: 'POST',
    headers: { authorization: 'Bearer key', 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
  })
}

/** Statuses of `count` sequential requests. */
export async function statuses(baseUrl: string, count: number): Promise<number[]> {
  const result: number[] = []
  for (let index = 0; index < count; index++) {
    const response = await postChat(baseUrl)
    await response.arrayBuffer()
    result.push(response.status)
  }
  return result
}

/** |observed − n·p| ≤ 4 standard deviations of a binomial(n, p). */
export function withinBinomialTolerance(observed: number, trials: number, probability: number): boolean {
  return Math.abs(observed - trials * probability) <= 4 * Math.sqrt(trials * probability * (1 - probability))
}

/**
 * For a test file: a function that starts a mock server with these targets (and seed,
 * default 1); every server started is closed after each test.
 */
export function useMockServers(): (targets: Record<string, TargetBehaviourInput>, seed?: number) => Promise<MockServer> {
  const servers: MockServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()))
  })
  return async (targets, seed = 1) => {
    const server = await startMockServer({ profile: { seed, targets } })
    servers.push(server)
    return server
  }
}

/** The real Bedrock client on a mock endpoint: SigV4 with test keys, no retries; HTTP/2 unless a handler is given. */
export function bedrockClient(endpoint: string, requestHandler?: NodeHttpHandler): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: 'ap-northeast-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    ...(requestHandler ? { requestHandler } : {}),
  })
}

/** Reads a stream to its end: the items it gave, and the error it ended with (undefined when it ended cleanly). */
export async function drain<T>(stream: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = []
  try {
    for await (const item of stream) items.push(item)
    return { items, error: undefined }
  } catch (error) {
    return { items, error }
  }
}
