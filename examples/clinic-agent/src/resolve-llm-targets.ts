import type { RouteConfig, TargetConfig } from '@voxguard/llm'
import type { AgentConfig } from './agent-config.ts'

/** Where each mock target lives (from `MockServer.endpoints(name)`). */
export interface MockTargets {
  targets: readonly string[]
  endpoints(target: string): { openai: string; azure: string; bedrock: string }
}

/** Which mode `auto` means for this environment: real when any provider key is set. */
export function effectiveLlmMode(mode: AgentConfig['llm']['mode'], environment: NodeJS.ProcessEnv): 'mock' | 'real' {
  if (mode !== 'auto') return mode
  const keys = ['OPENAI_API_KEY', 'AZURE_OPENAI_API_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_BEARER_TOKEN_BEDROCK', 'AWS_PROFILE']
  return keys.some((key) => environment[key]) ? 'real' : 'mock'
}

function hasCredentials(target: Record<string, unknown>, environment: NodeJS.ProcessEnv): boolean {
  switch (target['provider']) {
    case 'openai':
      return Boolean(target['apiKey'] || environment['OPENAI_API_KEY'])
    case 'azure-openai':
      return Boolean(target['endpoint']) && Boolean(target['apiKey'] || environment['AZURE_OPENAI_API_KEY'])
    case 'bedrock':
      return Boolean(target['apiKey'] || target['credentials'] || environment['AWS_ACCESS_KEY_ID'] || environment['AWS_BEARER_TOKEN_BEDROCK'] || environment['AWS_PROFILE'])
    default:
      return true // let createLlmClient name the bad provider
  }
}

/**
 * Turns agent.yaml's `llm` section into `createLlmClient` targets and routes. Mock mode
 * points every target at the in-process mock server (the profile must have a target of
 * the same name); real mode keeps targets that have credentials and drops the others
 * from the chains.
 */
export function resolveLlmTargets(
  llm: AgentConfig['llm'],
  mode: 'mock' | 'real',
  mock: MockTargets | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): { targets: Record<string, TargetConfig>; routes: Record<string, RouteConfig>; dropped: string[] } {
  const targets: Record<string, TargetConfig> = {}
  const dropped: string[] = []
  for (const [name, target] of Object.entries(llm.targets)) {
    if (mode === 'mock') {
      if (!mock) throw new Error('resolveLlmTargets: mock mode needs the mock server')
      if (!mock.targets.includes(name)) {
        throw new Error(`llm.targets.${name}: the mock profile ${llm.mockProfile} has no target "${name}" (it has ${mock.targets.join(', ')}); add it to the profile or pass --profile`)
      }
      const endpoints = mock.endpoints(name)
      if (target['provider'] === 'openai') targets[name] = { ...target, apiKey: 'mock-key', baseURL: endpoints.openai } as TargetConfig
      else if (target['provider'] === 'azure-openai') targets[name] = { ...target, apiKey: 'mock-key', endpoint: endpoints.azure } as TargetConfig
      else targets[name] = { ...target, endpoint: endpoints.bedrock, credentials: { accessKeyId: 'MOCKACCESSKEY', secretAccessKey: 'mock-secret' } } as TargetConfig
    } else if (hasCredentials(target, environment)) {
      targets[name] = target as unknown as TargetConfig
    } else {
      dropped.push(name)
    }
  }
  const routes: Record<string, RouteConfig> = {}
  for (const [name, route] of Object.entries(llm.routes)) {
    const chain = ((route['chain'] ?? []) as RouteConfig['chain']).filter((entry) => typeof entry !== 'string' || entry in targets)
    if (chain.length === 0) throw new Error(`llm.routes.${name}.chain: no target has credentials (left out: ${dropped.join(', ') || 'none'}); set the provider keys or use llm.mode: mock`)
    routes[name] = { ...route, chain } as RouteConfig
  }
  return { targets, routes, dropped }
}
