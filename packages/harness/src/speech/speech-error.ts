import { VoxguardError, type VoxguardErrorOptions } from '@voxguard/errors'

/**
 * The one error type of the speech layer. `code` says why an engine failed; `engine` names it
 * (`pocketsphinx`, `openai gpt-4o-mini-transcribe`) and prefixes the message.
 *
 * | code                   | kind          | when                                              |
 * |------------------------|---------------|---------------------------------------------------|
 * | speech_auth_refused    | `auth`        | the provider refused the API key (401/403)        |
 * | speech_rate_limited    | `rate_limited`| the provider answered 429                         |
 * | speech_server_failed   | `server`      | the provider failed (5xx) or answered without audio |
 * | speech_request_invalid | `bad_request` | the provider rejected the request (other 4xx)     |
 * | speech_timed_out       | `timeout`     | the engine took longer than its timeout           |
 * | speech_unreachable     | `network`     | the provider could not be reached                 |
 * | speech_aborted         | `aborted`     | the caller cancelled (hang-up)                    |
 * | speech_engine_failed   | -             | a local engine is missing, exited non-zero or failed otherwise |
 */
export const SPEECH_ERROR_CODES = ['speech_auth_refused', 'speech_rate_limited', 'speech_server_failed', 'speech_request_invalid', 'speech_timed_out', 'speech_unreachable', 'speech_aborted', 'speech_engine_failed'] as const
export type SpeechErrorCode = (typeof SPEECH_ERROR_CODES)[number]

/**
 * Why a networked speech engine failed, in one word (what an agent reports as `asr.error`'s
 * `kind`); undefined for `speech_engine_failed`.
 */
export type SpeechErrorKind = 'auth' | 'rate_limited' | 'server' | 'bad_request' | 'timeout' | 'network' | 'aborted'

const KIND_OF_CODE: Readonly<Record<SpeechErrorCode, SpeechErrorKind | undefined>> = {
  speech_auth_refused: 'auth',
  speech_rate_limited: 'rate_limited',
  speech_server_failed: 'server',
  speech_request_invalid: 'bad_request',
  speech_timed_out: 'timeout',
  speech_unreachable: 'network',
  speech_aborted: 'aborted',
  speech_engine_failed: undefined,
}

export interface SpeechErrorOptions extends VoxguardErrorOptions {
  /** The engine that failed; the message is prefixed with it. */
  engine?: string
}

export class SpeechError extends VoxguardError<SpeechErrorCode> {
  static override readonly errorName = 'SpeechError'
  /** The engine that failed ('' when not given). */
  readonly engine: string
  constructor(code: SpeechErrorCode, message: string, options: SpeechErrorOptions = {}) {
    const { engine, ...rest } = options
    super(code, engine ? `${engine}: ${message}` : message, rest)
    this.engine = engine ?? ''
  }

  /** `code` as one word (`timeout`, `server`, …); undefined for `speech_engine_failed`. */
  get kind(): SpeechErrorKind | undefined {
    return KIND_OF_CODE[this.code]
  }
}
