import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { SpeechError, type SpeechErrorKind } from './speech-recognizer.ts'

/** What looks like an OpenAI key in a provider message (OpenAI echoes a masked key on 401). */
const KEY_LIKE = /\b(sk|rk|pk)-[A-Za-z0-9_*.-]{4,}/g

/** The provider's message without the key or anything key-like, cut to 200 characters. */
function providerMessage(error: APIError, apiKey: string): string {
  const body = error.error as { message?: unknown } | undefined
  const text = typeof body?.message === 'string' ? body.message : ''
  return text.split(apiKey).join('[redacted]').replace(KEY_LIKE, '[redacted]').slice(0, 200)
}

function kindOfStatus(status: number): SpeechErrorKind {
  if (status === 401 || status === 403) return 'auth'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server'
  return 'bad_request'
}

/**
 * Maps whatever the OpenAI SDK threw to one `SpeechError` with a `kind`, keeping the
 * original as `cause`. The message says what failed and what to do; a refused key is
 * reported without the provider's text (which quotes part of the key).
 */
export function mapOpenAiSpeechError(engine: string, error: unknown, context: { signal: AbortSignal; apiKey: string; timeoutMs: number; baseURL: string }): SpeechError {
  if (error instanceof SpeechError) return error
  if (context.signal.aborted || error instanceof APIUserAbortError) return new SpeechError(engine, 'aborted', { cause: error, kind: 'aborted' })
  if (error instanceof APIConnectionTimeoutError) return new SpeechError(engine, `timed out after ${context.timeoutMs} ms`, { cause: error, kind: 'timeout' })
  if (error instanceof APIConnectionError) return new SpeechError(engine, `cannot reach ${context.baseURL}`, { cause: error, kind: 'network' })
  if (error instanceof APIError && typeof error.status === 'number') {
    const kind = kindOfStatus(error.status)
    const message =
      kind === 'auth'
        ? `HTTP ${error.status}: the API key was refused (check OPENAI_API_KEY or speech.openai.apiKey)`
        : `HTTP ${error.status}${kind === 'rate_limited' ? ' rate limited' : ''}: ${providerMessage(error, context.apiKey) || 'no message'}`
    return new SpeechError(engine, message, { cause: error, kind })
  }
  const text = error instanceof Error ? error.message : String(error)
  return new SpeechError(engine, text.split(context.apiKey).join('[redacted]').slice(0, 200), { cause: error })
}
