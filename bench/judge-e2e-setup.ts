/**
 * Setup of the end-to-end judge bench (judge-e2e.bench.ts): the chaos profile, and the
 * example clinic agent in `real` mode with every target of its own agent.yaml pointed at a
 * @voxguard/mock-llm server the bench started (so the bench holds the ground truth).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_CONFIG_FILE, startClinicAgent, type ClinicAgent } from '@voxguard/example-clinic-agent'
import type { ChaosProfileInput, MockServer, TargetBehaviourInput } from '@voxguard/mock-llm'
import { parse } from 'yaml'

export const KNOWLEDGE_FILE = new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url).pathname

export interface E2eProfileOptions {
  seed: number
  /** Share of text replies (every target) with one false claim. */
  hallucinationRate: number
  /** Window, in ms since the mock server started, during which every target is down. */
  outage: { fromMs: number; toMs: number }
  /** false: no errors, hangs, cuts or outage (a calm baseline: every call should pass). */
  faults: boolean
}

/**
 * Every target of the agent's chains: fast (so latency budgets hold unless something hangs),
 * random 429/500/503, rare hangs, mid-stream cuts and in-stream errors, hallucinations, and
 * one all-down window with a different failure mode per target.
 */
export function e2eChaosProfile(options: E2eProfileOptions): ChaosProfileInput {
  const { fromMs, toMs } = options.outage
  const target = (mode: 503 | 500 | 'refuse', errors: TargetBehaviourInput['errors']): TargetBehaviourInput => ({
    ttftMs: { kind: 'uniform', minMs: 20, maxMs: 150 },
    interTokenMs: { kind: 'uniform', minMs: 1, maxMs: 6 },
    hallucinationRate: options.hallucinationRate,
    ...(options.faults ? { errors, retryAfterMs: 100, hangRate: 0.01, cutRate: 0.03, outages: [{ fromMs, toMs, mode }] } : {}),
  })
  return {
    version: 1,
    seed: options.seed,
    knowledgeBase: KNOWLEDGE_FILE,
    defaultTarget: 'azure-japaneast',
    targets: {
      'openai-mini': target(503, { rate429: 0.04, rate500: 0.03 }),
      'azure-japaneast': target(503, { rate429: 0.06, rate500: 0.02, rate503: 0.03, inStream: 0.01 }),
      'azure-swedencentral': target(500, { rate429: 0.04, rate503: 0.03, inStream: 0.01 }),
      'bedrock-tokyo': target('refuse', { rate429: 0.03, modelTimeout: 0.02, inStream: 0.01 }),
    },
  } as ChaosProfileInput
}

/**
 * Starts the clinic agent from its own agent.yaml (same chains, deadlines, prompts) in
 * `real` mode, every target aimed at `mock`. No speech (text protocol only); logs dropped.
 */
export async function startAgentOnMock(mock: MockServer): Promise<ClinicAgent> {
  const config = parse(await readFile(DEFAULT_CONFIG_FILE, 'utf8')) as { knowledgeBase: string; llm: { mode: string; targets: Record<string, Record<string, unknown>> } }
  config.knowledgeBase = KNOWLEDGE_FILE
  config.llm.mode = 'real'
  for (const [name, target] of Object.entries(config.llm.targets)) {
    const endpoints = mock.endpoints(name)
    if (target['provider'] === 'openai') Object.assign(target, { apiKey: 'bench-key', baseURL: endpoints.openai })
    else if (target['provider'] === 'azure-openai') Object.assign(target, { apiKey: 'bench-key', endpoint: endpoints.azure })
    else Object.assign(target, { endpoint: endpoints.bedrock, credentials: { accessKeyId: 'BENCHACCESSKEY', secretAccessKey: 'bench-secret' } })
  }
  const folder = await mkdtemp(join(tmpdir(), 'voxguard-judge-e2e-'))
  const configFile = join(folder, 'agent.json') // JSON is YAML
  await writeFile(configFile, JSON.stringify(config))
  try {
    return await startClinicAgent({ configFile, port: 0, llmMode: 'real', environment: {}, speech: 'none', logLevel: 'error', logWrite: () => {}, appointmentBook: 'per-call' })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
