import type { KnowledgeBase } from '@voxguard/knowledge'
import { startMockServer, type ChaosProfileInput } from '@voxguard/mock-llm'
import type { TargetConfig } from '@voxguard/llm'

/**
 * The quickstart's offline world: one @voxguard/mock-llm server playing all three
 * providers. Azure Japan East is in an outage (every request answers 503, like a region
 * that is down); Sweden Central and OpenAI are healthy, with realistic first-token delays.
 */
export const primaryOutageProfile: ChaosProfileInput = {
  seed: 7,
  targets: {
    'azure-japaneast': { outages: [{ fromMs: 0, toMs: 24 * 60 * 60 * 1000, mode: 503 }] },
    'azure-swedencentral': { ttftMs: 120, tokensPerSecond: 80 },
    openai: { ttftMs: 200, tokensPerSecond: 60 },
  },
}

/** What the mock "brain" answers from: one intent for opening hours. */
export const clinicHours: KnowledgeBase = {
  version: 1,
  facts: { hours: { weekdays: '9 am to 6 pm', saturday: '9 am to 1 pm' } },
  policies: [],
  intents: {
    hours: {
      keywords: ['open', 'hours', 'close'],
      reply: 'We are open Monday to Friday from {facts.hours.weekdays}, and on Saturday from {facts.hours.saturday}.',
    },
  },
}

export interface MockProviders {
  /** The three targets, pointing at the mock server (Azure classic path, Azure `/openai/v1`, OpenAI). */
  targets: Record<string, TargetConfig>
  close(): Promise<void>
}

/** Starts the mock server on 127.0.0.1 (a free port) and returns targets that use it. */
export async function startMockProviders(profile: ChaosProfileInput = primaryOutageProfile): Promise<MockProviders> {
  const server = await startMockServer({ profile, knowledgeBase: clinicHours })
  return {
    targets: {
      'azure-japaneast': { provider: 'azure-openai', endpoint: server.endpoints('azure-japaneast').azure, deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: 'mock-key', region: 'japaneast' },
      'azure-swedencentral': { provider: 'azure-openai', endpoint: server.endpoints('azure-swedencentral').azure, deployment: 'gpt-4o-mini', apiKey: 'mock-key', region: 'swedencentral' },
      openai: { provider: 'openai', model: 'gpt-4o-mini', baseURL: server.endpoints('openai').openai, apiKey: 'mock-key' },
    },
    close: () => server.close(),
  }
}
