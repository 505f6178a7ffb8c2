import { VoxguardError } from '@voxguard/errors'

/**
 * Why a mock-llm call failed:
 * - `profile_invalid`: a chaos profile file or object does not match the schema;
 * - `knowledge_base_invalid`: a knowledge base file is unreadable or malformed;
 * - `option_invalid`: an option passed to a function is out of range (`option` names it);
 * - `listen_failed`: the server could not bind its port (in use, no permission).
 */
export const MOCK_LLM_ERROR_CODES = ['profile_invalid', 'knowledge_base_invalid', 'option_invalid', 'listen_failed'] as const
export type MockLlmErrorCode = (typeof MOCK_LLM_ERROR_CODES)[number]

/** The one error type this package throws. `message` says what, where and what to do. */
export class MockLlmError extends VoxguardError<MockLlmErrorCode> {
  static override readonly errorName = 'MockLlmError'
}
