// @voxguard/harness: replay scripted phone calls against a voice agent and record every turn.

// Record format (versioned contract read by @voxguard/judge)
export { CALL_RECORD_SCHEMA, CALL_RECORD_VERSION } from './call-record.ts'
export { CallRecordSchema } from './call-record-schema.ts'
export { parseCallRecord, readCallRecords, readCallRecordsFile } from './read-call-records.ts'
export type { ReadCallRecordsOptions, TornLine } from './read-call-records.ts'
export { RECORD_LIMITS } from './record-limits.ts'
export { checkJsonBounds } from './json-bounds.ts'
export type { JsonBounds } from './json-bounds.ts'
export type {
  AgentEventRecord,
  AudioTiming,
  CallerAction,
  CallExpectations,
  CallFailure,
  CallFailureKind,
  CallRecord,
  ToolCallRecord,
  TurnExpectations,
  TurnRecord,
} from './call-record.ts'

// Agent protocol (docs/protocol.md)
export { AGENT_EVENTS, TEXT_PROTOCOL_VERSION } from './text-protocol.ts'
export type { AgentEventName, AgentFrame, CallerFrame } from './text-protocol.ts'

// Agent event log (the agent's own telemetry, joined into records by call id / callSid)
export { AGENT_EVENT_SCHEMA, AGENT_EVENT_VERSION, AgentEventLogReader, joinAgentEvents, parseAgentEventLine } from './agent-event-log.ts'
export type { AgentEventLogEntry } from './agent-event-log.ts'

// Production transcripts (an agent event log with utterances: docs/protocol.md, "Production transcripts")
export { TRANSCRIPT_EVENTS } from './transcript/transcript-events.ts'
export type { TranscriptEventName } from './transcript/transcript-events.ts'
export type { AgentToolCallData, AgentUtteranceData, CallEndData, CallerUtteranceData, CallStartData } from './transcript/transcript-line-schema.ts'
export { readTranscripts } from './transcript/read-transcripts.ts'
export type { ReadTranscriptsOptions, TranscriptCall, TranscriptFormat } from './transcript/read-transcripts.ts'
export { transcriptToCallRecord } from './transcript/transcript-to-call-record.ts'
export type { TranscriptToCallRecordOptions } from './transcript/transcript-to-call-record.ts'
export { callScriptFromRecord, renderCallScriptYaml } from './transcript/call-script-from-record.ts'
export type { CallScriptFromRecordOptions } from './transcript/call-script-from-record.ts'
export type { CallScriptInput } from './call-script-schema.ts'

// Call scripts
export { loadCallScript, loadCallScripts, formatIssue } from './load-call-script.ts'
export type { LoadCallScriptOptions } from './load-call-script.ts'
export type { CallScript, ScriptTurn } from './call-script.ts'
export { compileMatchPattern } from './compile-match-pattern.ts'
export type { MatchPattern } from './compile-match-pattern.ts'

// Running
export { runCalls } from './run-calls.ts'
export { expandScriptPaths } from './expand-script-paths.ts'
export type { RunCallsOptions, RunCallsResult } from './run-calls.ts'
export type { Shard } from './select-shard.ts'
export { claimOutputDirectory, OUTPUT_FILE_NAMES, OUTPUT_FOLDER_MARKER } from './claim-output-directory.ts'
export { mergeRecords } from './merge-records.ts'
export { DEFAULT_REDACTION_PATTERNS, redactText } from './redact-text.ts'
export type { RedactionPattern } from './redact-text.ts'

// Custom transports (the runCalls `createTransport` option)
export type { AgentSignal, CallTransport, CallTransportContext, CreateCallTransport } from './call-transport.ts'

// Errors
export { HarnessError } from './harness-error.ts'
export type { HarnessErrorCode, ScriptIssueLocation } from './harness-error.ts'
