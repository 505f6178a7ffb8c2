import { LlmError, type LlmErrorCode } from '../llm-error.ts'
import { redactSecrets } from './redact-secrets.ts'

/** What every provider error mapper knows about the attempt that failed. */
export interface ProviderErrorContext {
  /** Target name, copied to `LlmError.target` and named in the message. */
  target: string
  /** Configured keys; removed from the message. */
  secrets: readonly string[]
}

/** The details an `LlmError` from a provider may carry besides its kind and message. */
export interface ProviderErrorDetails {
  cause?: unknown
  status?: number
  /** Safe response headers (see `toSafeHeaders`). */
  headers?: Record<string, string>
  retryAfterMs?: number
}

/**
 * Builds a provider's `LlmError`: the message is `target "<name>": <what>` with every
 * configured secret (and anything shaped like a key) redacted; unset details are left out.
 */
export function createProviderError(context: ProviderErrorContext, code: LlmErrorCode, what: string, details: ProviderErrorDetails = {}): LlmError {
  return new LlmError(code, redactSecrets(`target "${context.target}": ${what}`, context.secrets), {
    target: context.target,
    ...(details.cause === undefined ? {} : { cause: details.cause }),
    ...(details.status === undefined ? {} : { status: details.status }),
    ...(details.headers === undefined ? {} : { headers: details.headers }),
    ...(details.retryAfterMs === undefined ? {} : { retryAfterMs: details.retryAfterMs }),
  })
}
