import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime'
import type { BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { LlmError } from '../../llm-error.ts'
import type { BedrockTargetConfig } from '../../target-config.ts'
import type { ProviderAdapter, ProviderChatResult, ProviderRequest, ProviderStream, ToolCall } from '../../types.ts'
import { toSafeHeaders } from '../to-safe-headers.ts'
import { buildBedrockConverseInput } from './build-bedrock-converse-input.ts'
import { mapBedrockError } from './map-bedrock-error.ts'
import { convertBedrockUsage } from './convert-bedrock-usage.ts'
import { bedrockStopError, mapBedrockStopReason } from './map-bedrock-stop-reason.ts'
import { readBedrockStream } from './read-bedrock-stream.ts'

/** Converse and ConverseStream through `@aws-sdk/client-bedrock-runtime`, one attempt per call. */
export class BedrockAdapter implements ProviderAdapter {
  readonly provider = 'bedrock' as const
  readonly targetName: string
  readonly model: string
  readonly #client: BedrockRuntimeClient
  readonly #secrets: readonly string[]

  constructor(targetName: string, modelId: string, client: BedrockRuntimeClient, secrets: readonly string[]) {
    this.targetName = targetName
    this.model = modelId
    this.#client = client
    this.#secrets = secrets
  }

  async chat(request: ProviderRequest): Promise<ProviderChatResult> {
    const command = new ConverseCommand(this.#input(request))
    const response = captureResponseHeaders(command.middlewareStack)
    try {
      const output = await this.#client.send(command, { abortSignal: request.signal })
      const headers = response.headers
      const stopped = bedrockStopError(this.targetName, output.stopReason, headers)
      if (stopped !== undefined) throw stopped
      let text = ''
      const toolCalls: ToolCall[] = []
      for (const block of output.output?.message?.content ?? []) {
        if (typeof block.text === 'string') text += block.text
        if (block.toolUse) toolCalls.push({ id: block.toolUse.toolUseId ?? '', name: block.toolUse.name ?? '', arguments: JSON.stringify(block.toolUse.input ?? {}) })
      }
      return {
        text,
        toolCalls,
        finishReason: mapBedrockStopReason(output.stopReason),
        ...(output.usage === undefined ? {} : { usage: convertBedrockUsage(output.usage) }),
        headers,
      }
    } catch (error) {
      throw mapBedrockError(error, { target: this.targetName, signal: request.signal, headers: response.headers, secrets: this.#secrets })
    }
  }

  async stream(request: ProviderRequest): Promise<ProviderStream> {
    const command = new ConverseStreamCommand(this.#input(request))
    // Both commands share one middleware stack type apart from their output.
    const response = captureResponseHeaders(command.middlewareStack as unknown as ConverseCommand['middlewareStack'])
    // Aborted when the reader stops early, so the socket is closed even without a caller abort.
    const reader = new AbortController()
    const abortSignal = AbortSignal.any([request.signal, reader.signal])
    const context = { target: this.targetName, signal: request.signal, headers: response.headers, secrets: this.#secrets }
    try {
      const output = await this.#client.send(command, { abortSignal })
      if (output.stream === undefined) throw new LlmError('server', `target "${this.targetName}": ConverseStream answered without a stream`, { target: this.targetName })
      return { headers: response.headers, parts: readBedrockStream(output.stream, context, () => reader.abort()) }
    } catch (error) {
      reader.abort()
      throw mapBedrockError(error, context)
    }
  }

  #input(request: ProviderRequest) {
    try {
      return buildBedrockConverseInput(this.model, request)
    } catch (error) {
      throw new LlmError('request_invalid', `target "${this.targetName}": ${(error as Error).message}`, { target: this.targetName, cause: error })
    }
  }
}

/**
 * Records the raw HTTP response headers of one command (for errors too), read by a
 * middleware placed below the deserializer.
 */
function captureResponseHeaders(middlewareStack: ConverseCommand['middlewareStack']): { headers: Record<string, string> } {
  const captured: { readonly headers: Record<string, string> } = { headers: {} }
  middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args)
      const raw = result.response as { headers?: Record<string, string> } | undefined
      Object.assign(captured.headers, toSafeHeaders(raw?.headers))
      return result
    },
    { step: 'deserialize', priority: 'low', name: 'voxguardCaptureResponseHeaders' },
  )
  return captured
}

/**
 * Creates the adapter for a `bedrock` target: SDK retries off (`maxAttempts: 1`), HTTP/1.1
 * through `NodeHttpHandler` unless `requestHandler` is given (docs/decisions/001-bedrock-http1.md),
 * bearer auth with `apiKey`, else SigV4 with `credentials`, else the SDK's default chain.
 */
export function createBedrockAdapter(targetName: string, config: BedrockTargetConfig): BedrockAdapter {
  const auth: Partial<BedrockRuntimeClientConfig> =
    config.apiKey !== undefined
      ? { token: { token: config.apiKey }, authSchemePreference: ['httpBearerAuth'] }
      : config.credentials !== undefined
        ? { credentials: config.credentials }
        : {}
  const client = new BedrockRuntimeClient({
    region: config.region,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    maxAttempts: 1,
    requestHandler: config.requestHandler ?? new NodeHttpHandler(),
    ...auth,
  })
  const secrets = [config.apiKey, config.credentials?.secretAccessKey, config.credentials?.sessionToken].filter((secret): secret is string => secret !== undefined)
  return new BedrockAdapter(targetName, config.modelId, client, secrets)
}
