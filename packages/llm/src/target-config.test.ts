import { afterEach, describe, expect, it, vi } from 'vitest'
import { validateTargetConfig } from './target-config.ts'
import { createProviderAdapter } from './providers/create-provider-adapter.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('validateTargetConfig', () => {
  it('accepts complete targets of each provider', () => {
    expect(() => validateTargetConfig('a', { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: 'http://127.0.0.1:8080/v1', requestsPerMinute: 60 })).not.toThrow()
    expect(() => validateTargetConfig('b', { provider: 'azure-openai', endpoint: 'https://r.openai.azure.com', deployment: 'd', apiVersion: '2024-10-21', apiKey: 'k' })).not.toThrow()
    expect(() => validateTargetConfig('c', { provider: 'azure-openai', endpoint: 'https://r.openai.azure.com', deployment: 'd', azureADTokenProvider: async () => 't' })).not.toThrow()
    expect(() => validateTargetConfig('d', { provider: 'bedrock', modelId: 'amazon.nova-micro-v1:0', region: 'us-east-1' })).not.toThrow()
  })

  it.each([
    [{ provider: 'gemini', model: 'x' }, 'targets.t.provider: must be one of "openai", "azure-openai", "bedrock"'],
    [{ provider: 'openai', apiKey: 'k' }, 'targets.t.model: required'],
    [{ provider: 'openai', model: 'm', apiKey: 'k', baseURL: 'not a url' }, 'targets.t.baseURL: must be an http(s) URL'],
    [{ provider: 'openai', model: 'm', apiKey: 'k', tokensPerMinute: -5 }, 'targets.t.tokensPerMinute: must be a positive number'],
    [{ provider: 'openai', model: 'm', apiKey: 'k', requestsPerMinute: Number.NaN }, 'targets.t.requestsPerMinute: must be a positive number'],
    [{ provider: 'openai', model: 'm', apiKey: '' }, 'targets.t.apiKey: must be a non-empty string'],
    [{ provider: 'azure-openai', deployment: 'd', apiKey: 'k' }, 'targets.t.endpoint: required'],
    [{ provider: 'azure-openai', endpoint: 'ftp://r', deployment: 'd', apiKey: 'k' }, 'targets.t.endpoint: must be an http(s) URL'],
    [{ provider: 'azure-openai', endpoint: 'https://r', apiKey: 'k' }, 'targets.t.deployment: required'],
    [{ provider: 'azure-openai', endpoint: 'https://r', deployment: 'd', apiKey: 'k', azureADTokenProvider: async () => 't' }, 'targets.t.apiKey: set either apiKey or azureADTokenProvider'],
    [{ provider: 'bedrock', region: 'us-east-1' }, 'targets.t.modelId: required'],
    [{ provider: 'bedrock', modelId: 'm' }, 'targets.t.region: required'],
    [{ provider: 'bedrock', modelId: 'm', region: 'us-east-1', endpoint: 'localhost:1' }, 'targets.t.endpoint: must be an http(s) URL'],
    [{ provider: 'bedrock', modelId: 'm', region: 'us-east-1', credentials: { accessKeyId: 'AKIA' } }, 'targets.t.credentials.secretAccessKey: required'],
  ])('rejects %j naming the field', (config, message) => {
    expect(() => validateTargetConfig('t', config)).toThrow(message)
  })

  it('requires a key for openai and azure-openai unless the environment variable is set', () => {
    vi.stubEnv('OPENAI_API_KEY', '')
    vi.stubEnv('AZURE_OPENAI_API_KEY', '')
    expect(() => validateTargetConfig('main', { provider: 'openai', model: 'm' })).toThrow('targets.main.apiKey: missing; set apiKey or the OPENAI_API_KEY environment variable')
    expect(() => validateTargetConfig('east', { provider: 'azure-openai', endpoint: 'https://r', deployment: 'd' })).toThrow('targets.east.apiKey: missing; set apiKey, azureADTokenProvider or the AZURE_OPENAI_API_KEY environment variable')
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env')
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'from-env')
    expect(() => validateTargetConfig('main', { provider: 'openai', model: 'm' })).not.toThrow()
    expect(() => validateTargetConfig('east', { provider: 'azure-openai', endpoint: 'https://r', deployment: 'd' })).not.toThrow()
  })

  it('is applied by createProviderAdapter', () => {
    expect(() => createProviderAdapter('x', { provider: 'bedrock', modelId: 'm', region: '' })).toThrow('targets.x.region: required')
    expect(createProviderAdapter('y', { provider: 'bedrock', modelId: 'm', region: 'eu-west-1' })).toMatchObject({ provider: 'bedrock', targetName: 'y', model: 'm' })
  })
})
