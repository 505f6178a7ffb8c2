export const packageName = 'harness'
export { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION } from './call-record.ts'
export type {
  AgentEventRecord,
  AudioTiming,
  CallExpectations,
  CallFailure,
  CallFailureKind,
  CallRecord,
  CallerAction,
  ToolCallRecord,
  TurnExpectations,
  TurnRecord,
} from './call-record.ts'
