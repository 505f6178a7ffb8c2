import OpenAI, { AzureOpenAI } from 'openai'
import type { AzureOpenAiTargetConfig } from '../../target-config.ts'
import { OpenAiChatAdapter, sdkTimeoutMs } from '../openai/openai-adapter.ts'

/**
 * Creates the adapter for an `azure-openai` target. Chat, streaming, conversions and error
 * mapping are the OpenAI ones (Azure speaks Chat Completions); only the client differs:
 *
 * - with `apiVersion`: the SDK's `AzureOpenAI` class, path
 *   `{endpoint}/openai/deployments/{deployment}/chat/completions?api-version={apiVersion}`;
 * - without: the `/openai/v1` form, an `OpenAI` client with base URL `{endpoint}/openai/v1`
 *   and `model: deployment` in the body.
 *
 * Both send the key as the `api-key` header (never `Authorization`), or
 * `Authorization: Bearer <token>` from `azureADTokenProvider`; neither follows redirects
 * with the key. Environment variables other than `AZURE_OPENAI_API_KEY` are not read.
 */
export function createAzureOpenAiAdapter(targetName: string, config: AzureOpenAiTargetConfig): OpenAiChatAdapter {
  const endpoint = config.endpoint.replace(/\/+$/, '')
  const apiKey = config.azureADTokenProvider === undefined ? (config.apiKey ?? process.env.AZURE_OPENAI_API_KEY ?? '') : undefined
  const common = {
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: sdkTimeoutMs,
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  }
  const client =
    config.apiVersion === undefined
      ? new OpenAI({
          ...common,
          baseURL: `${endpoint}/openai/v1`,
          apiKey: config.azureADTokenProvider ?? apiKey,
          // The key goes in `api-key`; `null` removes the bearer header the OpenAI client would add.
          defaultHeaders: { ...config.headers, ...(apiKey === undefined ? {} : { 'api-key': apiKey, authorization: null }) },
          fetchOptions: { redirect: 'manual' },
        })
      : new AzureOpenAI({
          ...common,
          baseURL: `${endpoint}/openai`,
          deployment: config.deployment,
          apiVersion: config.apiVersion,
          ...(apiKey === undefined ? { azureADTokenProvider: config.azureADTokenProvider } : { apiKey }),
          ...(config.headers === undefined ? {} : { defaultHeaders: config.headers }),
        })
  return new OpenAiChatAdapter({ provider: 'azure-openai', targetName, model: config.deployment, client, secrets: apiKey === undefined ? [] : [apiKey] })
}
