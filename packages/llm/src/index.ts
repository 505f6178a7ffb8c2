// Client
export { createLlmClient } from './create-llm-client.ts'
export type { LlmClientOptions } from './client-options.ts'
export type { LlmCallRequest, LlmChatResult, LlmClient, LlmStreamPart, ServedInfo } from './llm-client-types.ts'

// Routes and policies
export type { ChainEntry, PoolConfig, PoolStrategy, RouteConfig } from './route-config.ts'
export { routeDefaults } from './route-config.ts'
export type { BreakerOptions } from './target-breaker.ts'
export { breakerDefaults } from './target-breaker.ts'
export type { TargetStats } from './target-runtime.ts'
export type { TelemetryOptions } from './telemetry.ts'

// Fleets: shared state (the Redis store is `@voxguard/llm/redis`)
export type { LeaseGrant, LeaseRequest, SharedState, SharedStateMember, SharedStateSession, SharedTargetChange } from './shared-state.ts'

// Errors and events
export { LlmError } from './llm-error.ts'
export type { AttemptRecord, LlmErrorCode, LlmErrorOptions } from './llm-error.ts'
export type { BreakerState, LlmEvent, LlmEventListener, LlmEventType } from './emit-event.ts'

// Targets and providers
export { createProviderAdapter } from './providers/create-provider-adapter.ts'
export { validateTargetConfig } from './target-config.ts'
export type { AzureOpenAiTargetConfig, BedrockCredentials, BedrockTargetConfig, OpenAiTargetConfig, TargetCommonConfig, TargetConfig } from './target-config.ts'
export type {
  ChatMessage,
  FinishReason,
  ProviderAdapter,
  ProviderChatResult,
  ProviderName,
  ProviderRequest,
  ProviderStream,
  ProviderStreamPart,
  ToolCall,
  ToolDefinition,
  Usage,
} from './types.ts'
