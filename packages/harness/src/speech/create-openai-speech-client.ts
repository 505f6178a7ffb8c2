import OpenAI from 'openai'

/** Connection settings shared by the OpenAI recogniser and synthesiser. */
export interface OpenAiSpeechClientOptions {
  /** OpenAI API key. Required (agent.yaml passes `speech.openai.apiKey`, else `OPENAI_API_KEY`). */
  apiKey: string
  /** API base URL. Default 'https://api.openai.com/v1'. */
  baseURL?: string
  /** Per-request time limit. Default 10000. */
  timeoutMs?: number
  /** The fetch used for requests. Default: `globalThis.fetch` as it is when the engine is built. */
  fetch?: typeof globalThis.fetch
}

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1'

/**
 * Builds the official OpenAI client for a speech engine, with the SDK's own retries off
 * (`maxRetries: 0`): a phone turn cannot wait for backoff, a failed utterance is reported
 * (`asr.error` / `tts.error`) and the caller is asked again. Options are checked here, by
 * name; the key itself never appears in a message.
 */
export function createOpenAiSpeechClient(factory: string, options: OpenAiSpeechClientOptions): { client: OpenAI; timeoutMs: number; baseURL: string } {
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new TypeError(`${factory}: option "apiKey" is required (set OPENAI_API_KEY or speech.openai.apiKey in agent.yaml)`)
  }
  const timeoutMs = options.timeoutMs ?? 10_000
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`${factory}: option "timeoutMs" must be a positive number of milliseconds, got ${timeoutMs}`)
  const baseURL = options.baseURL ?? DEFAULT_OPENAI_BASE_URL
  if (!URL.canParse(baseURL) || !/^https?:$/.test(new URL(baseURL).protocol)) throw new TypeError(`${factory}: option "baseURL" must be an http(s) URL, got ${JSON.stringify(baseURL)}`)
  const client = new OpenAI({ apiKey: options.apiKey, baseURL, maxRetries: 0, timeout: timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) })
  return { client, timeoutMs, baseURL }
}
