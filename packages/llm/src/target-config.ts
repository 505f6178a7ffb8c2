import type { BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime'

/** Fields every target accepts, whatever its provider. */
export interface TargetCommonConfig {
  /**
   * Region label for events, spans and pools (e.g. `"eastus2"`). Informational for
   * `openai` and `azure-openai`; for `bedrock` it is the AWS region and required.
   */
  region?: string
  /** Requests-per-minute budget the router keeps for this target. Default: unlimited. */
  requestsPerMinute?: number
  /** Tokens-per-minute budget the router keeps for this target. Default: unlimited. */
  tokensPerMinute?: number
}

/** OpenAI, or any OpenAI-compatible server through `baseURL`. */
export interface OpenAiTargetConfig extends TargetCommonConfig {
  provider: 'openai'
  /** Model name sent in the request, e.g. `"gpt-4o-mini"`. Required. */
  model: string
  /** Default: `process.env.OPENAI_API_KEY`. One of the two is required. */
  apiKey?: string
  /** Default: `https://api.openai.com/v1`. */
  baseURL?: string
  /** Sent as `OpenAI-Organization`. Default: none. */
  organization?: string
  /** Extra request headers. Default: none. */
  headers?: Record<string, string>
  /** The fetch the SDK uses (tests, proxies). Default: `globalThis.fetch`. */
  fetch?: typeof fetch
}

/**
 * An Azure OpenAI deployment. With `apiVersion` the classic path
 * `{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…` is used;
 * without it the v1 path `{endpoint}/openai/v1/chat/completions` with `model: deployment`.
 */
export interface AzureOpenAiTargetConfig extends TargetCommonConfig {
  provider: 'azure-openai'
  /** Resource endpoint, e.g. `https://my-resource.openai.azure.com`. Required. */
  endpoint: string
  /** Deployment name. Required. */
  deployment: string
  /** e.g. `"2024-10-21"`. Default: none (the `/openai/v1` form). */
  apiVersion?: string
  /** Sent as the `api-key` header. Default: `process.env.AZURE_OPENAI_API_KEY`. */
  apiKey?: string
  /** Microsoft Entra ID token source (e.g. `getBearerTokenProvider` of `@azure/identity`); replaces `apiKey`. */
  azureADTokenProvider?: () => Promise<string>
  /** Extra request headers. Default: none. */
  headers?: Record<string, string>
  /** The fetch the SDK uses (tests, proxies). Default: `globalThis.fetch`. */
  fetch?: typeof fetch
}

/** AWS access keys for SigV4 signing. */
export interface BedrockCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

/**
 * A Bedrock model through the Converse API. Auth, in order: `apiKey` (a Bedrock API key,
 * sent as a bearer token), `credentials` (SigV4), else the AWS SDK default chain
 * (`AWS_BEARER_TOKEN_BEDROCK`, `AWS_ACCESS_KEY_ID`…, profiles, instance roles).
 */
export interface BedrockTargetConfig extends TargetCommonConfig {
  provider: 'bedrock'
  /** Model or inference-profile id, e.g. `"anthropic.claude-3-haiku-20240307-v1:0"`. Required. */
  modelId: string
  /** AWS region, e.g. `"us-east-1"`. Required. */
  region: string
  /** Endpoint override, e.g. a local fake or a VPC endpoint. Default: the regional endpoint. */
  endpoint?: string
  credentials?: BedrockCredentials
  /** Bedrock API key, sent as `Authorization: Bearer`. Default: none. */
  apiKey?: string
  /**
   * The smithy request handler. Default: `new NodeHttpHandler()` (HTTP/1.1, see
   * docs/decisions/001-bedrock-http1.md); pass `new NodeHttp2Handler()` for the SDK default.
   */
  requestHandler?: BedrockRuntimeClientConfig['requestHandler']
}

/** One target: a provider, a model or deployment, and a region. Discriminated by `provider`. */
export type TargetConfig = OpenAiTargetConfig | AzureOpenAiTargetConfig | BedrockTargetConfig

const providers = ['openai', 'azure-openai', 'bedrock'] as const

/**
 * Checks one target's configuration and throws an `Error` whose message names the field
 * (`targets.<name>.<field>`) and says what to do. Environment fallbacks for keys are read here.
 * @example
 * validateTargetConfig('primary', { provider: 'openai', model: 'gpt-4o-mini' })
 * // throws "targets.primary.apiKey: missing; set apiKey or the OPENAI_API_KEY environment variable" when neither is set
 */
export function validateTargetConfig(name: string, config: unknown): asserts config is TargetConfig {
  const at = (field: string): string => `targets.${name}.${field}`
  if (typeof config !== 'object' || config === null) throw new Error(`targets.${name}: must be an object with a "provider" field`)
  const target = config as Record<string, unknown>
  if (!providers.includes(target.provider as never)) {
    throw new Error(`${at('provider')}: must be one of ${providers.map((provider) => `"${provider}"`).join(', ')} (got ${JSON.stringify(target.provider)})`)
  }
  for (const field of ['requestsPerMinute', 'tokensPerMinute']) {
    const value = target[field]
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
      throw new Error(`${at(field)}: must be a positive number (got ${String(value)}); leave it out for no budget limit`)
    }
  }
  if (target.provider !== 'bedrock') optionalString(target, 'region', at)
  optionalString(target, 'apiKey', at)
  if (target.fetch !== undefined && typeof target.fetch !== 'function') throw new Error(`${at('fetch')}: must be a fetch function`)
  if (target.headers !== undefined) {
    const headers = target.headers
    if (typeof headers !== 'object' || headers === null || Object.values(headers).some((value) => typeof value !== 'string')) {
      throw new Error(`${at('headers')}: must be an object of string header values`)
    }
  }
  if (target.provider === 'openai') {
    requiredString(target, 'model', at, 'the model name, e.g. "gpt-4o-mini"')
    optionalUrl(target, 'baseURL', at)
    optionalString(target, 'organization', at)
    if (target.apiKey === undefined && !process.env.OPENAI_API_KEY) {
      throw new Error(`${at('apiKey')}: missing; set apiKey or the OPENAI_API_KEY environment variable`)
    }
  } else if (target.provider === 'azure-openai') {
    requiredString(target, 'endpoint', at, 'the resource URL, e.g. "https://my-resource.openai.azure.com"')
    optionalUrl(target, 'endpoint', at)
    requiredString(target, 'deployment', at, 'the deployment name')
    optionalString(target, 'apiVersion', at)
    const tokenProvider = target.azureADTokenProvider
    if (tokenProvider !== undefined && typeof tokenProvider !== 'function') {
      throw new Error(`${at('azureADTokenProvider')}: must be a function returning a Promise of an access token`)
    }
    if (tokenProvider !== undefined && target.apiKey !== undefined) {
      throw new Error(`${at('apiKey')}: set either apiKey or azureADTokenProvider, not both`)
    }
    if (tokenProvider === undefined && target.apiKey === undefined && !process.env.AZURE_OPENAI_API_KEY) {
      throw new Error(`${at('apiKey')}: missing; set apiKey, azureADTokenProvider or the AZURE_OPENAI_API_KEY environment variable`)
    }
  } else {
    requiredString(target, 'modelId', at, 'the Bedrock model or inference-profile id')
    requiredString(target, 'region', at, 'the AWS region, e.g. "us-east-1"')
    optionalUrl(target, 'endpoint', at)
    const credentials = target.credentials
    if (credentials !== undefined) {
      if (typeof credentials !== 'object' || credentials === null) throw new Error(`${at('credentials')}: must be an object with accessKeyId and secretAccessKey`)
      const fields = credentials as Record<string, unknown>
      requiredString(fields, 'accessKeyId', (field) => at(`credentials.${field}`), 'the AWS access key id')
      requiredString(fields, 'secretAccessKey', (field) => at(`credentials.${field}`), 'the AWS secret access key')
      optionalString(fields, 'sessionToken', (field) => at(`credentials.${field}`))
    }
  }
}

function requiredString(target: Record<string, unknown>, field: string, at: (field: string) => string, what: string): void {
  const value = target[field]
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${at(field)}: required, ${what}`)
}

function optionalString(target: Record<string, unknown>, field: string, at: (field: string) => string): void {
  const value = target[field]
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) throw new Error(`${at(field)}: must be a non-empty string`)
}

function optionalUrl(target: Record<string, unknown>, field: string, at: (field: string) => string): void {
  const value = target[field]
  if (value === undefined) return
  if (typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return
  throw new Error(`${at(field)}: must be an http(s) URL (got ${JSON.stringify(value)})`)
}
