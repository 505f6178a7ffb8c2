// Server
export { startMockServer } from './start-mock-server.ts'
export type { StartMockServerOptions, MockServer, MockEndpoints } from './start-mock-server.ts'

// Chaos profiles
export { loadChaosProfile, parseChaosProfile, resolveChaosProfile } from './chaos-profile.ts'
export type { ChaosProfile, ChaosProfileInput, TargetBehaviour, TargetBehaviourInput } from './chaos-profile.ts'
export type { DurationDistribution } from './internal/sample-duration.ts'

// Ground truth
export type { GroundTruthRecord, HallucinationRecord, TransportFaultRecord } from './ground-truth-record.ts'

// Errors
export { MockLlmError } from './mock-llm-error.ts'
export type { MockLlmErrorCode } from './mock-llm-error.ts'
