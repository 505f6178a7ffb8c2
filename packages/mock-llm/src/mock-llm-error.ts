/**
 * Why a mock-llm call failed:
 * - `invalid-profile`: a chaos profile file or object does not match the schema;
 * - `invalid-knowledge-base`: a knowledge base file is unreadable or malformed;
 * - `invalid-option`: an option passed to a function is out of range;
 * - `listen-failed`: the server could not bind its port (in use, no permission).
 */
export type MockLlmErrorKind = 'invalid-profile' | 'invalid-knowledge-base' | 'invalid-option' | 'listen-failed'

/** The one error type this package throws. `message` says what, where and what to do. */
export class MockLlmError extends Error {
  override readonly name = 'MockLlmError'
  readonly kind: MockLlmErrorKind

  constructor(kind: MockLlmErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.kind = kind
  }
}
