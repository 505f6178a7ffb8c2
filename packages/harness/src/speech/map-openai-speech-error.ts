import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { SpeechError, type SpeechErrorCode } from './speech-error.ts'

/** What looks like an OpenAI key in a provider message (OpenAI echoes a masked key on 401). */
const KEY_LIKE = /\b(sk|rk|pk)-[A-Za-z0-9_*.-]{4,}/g

/** The provider's message without the key or anything key-like, cut to 200 characters. */
function providerMessage(error: APIError, apiKey: string): string {
  const body = error.error as { message?: unknown } | undefined
  const text = typeof body?.message === 'string' ? body.message : ''
  return text.split(apiKey).join('[redacted]').replace(KEY_LIKE, '[redacted]').slice(0, 200)
}

function codeOfStatus(status: number): SpeechErrorCode {
  if (status === 401 || status === 403) return 'speech_auth_refused'
  if (status === 429) return 'speech_rate_limited'
  if (status >= 500) return 'speech_server_failed'
  return 'speech_request_invalid'
}

/**
 * Maps whatever the OpenAI SDK threw to one `SpeechError` with its `code` (and `kind`), keeping the
 * original as `cause`. The message says what failed and what to do; a refused key is
 * reported without the provider's text (which quotes part of the key).
 */
export function mapOpenAiSpeechError(engine: string, error: unknown, context: { signal: AbortSignal; apiKey: string; timeoutMs: number; baseURL: string }): SpeechError {
  if (error instanceof SpeechError) return error
  if (context.signal.aborted || error instanceof APIUserAbortError) return new SpeechError('speech_aborted', 'aborted', { engine, cause: error })
  if (error instanceof APIConnectionTimeoutError) return new SpeechError('speech_timed_out', `timed out after ${context.timeoutMs} ms`, { engine, cause: error })
  if (error instanceof APIConnectionError) return new SpeechError('speech_unreachable', `cannot reach ${context.baseURL}`, { engine, cause: error })
  if (error instanceof APIError && typeof error.status === 'number') {
    const code = codeOfStatus(error.status)
    const message =
      code === 'speech_auth_refused'
        ? `HTTP ${error.status}: the API key was refused (check OPENAI_API_KEY or speech.openai.apiKey)`
        : `HTTP ${error.status}${code === 'speech_rate_limited' ? ' rate limited' : ''}: ${providerMessage(error, context.apiKey) || 'no message'}`
    return new SpeechError(code, message, { engine, cause: error })
  }
  const text = error instanceof Error ? error.message : String(error)
  return new SpeechError('speech_engine_failed', text.split(context.apiKey).join('[redacted]').slice(0, 200), { engine, cause: error })
}
