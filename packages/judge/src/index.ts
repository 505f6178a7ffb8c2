// Hallucination check
export { checkGrounding } from './check-grounding.ts'
export type { GroundingInput, GroundingResult } from './check-grounding.ts'
export { extractClaims } from './claims/extract-claims.ts'
export type { Claim, ClaimType, ClaimValue, Currency } from './claims/claim.ts'
export type { ClaimCheck, ClaimEvidence, ClaimStatus } from './grounding/claim-check.ts'
export { loadVocabulary } from './load-vocabulary.ts'
export type { Vocabulary } from './grounding/validate-vocabulary.ts'

// LLM judge
export { createLlmJudge } from './llm/llm-judge.ts'
export type { LlmJudge, LlmJudgeInput, LlmJudgeOptions } from './llm/llm-judge.ts'

// Verdicts
export { judgeCall } from './judge-call.ts'
export type { JudgeCallOptions } from './judge-call.ts'
export { judgeRecords, summarizeVerdicts } from './judge-records.ts'
export type { JudgeRecordsOptions, VerdictSummary } from './judge-records.ts'
export { REASON_FACTORS, SYSTEM_EVENTS } from './verdict/reason-codes.ts'
export type { DialogueReasonCode, Factor, ReasonCode, SystemReasonCode } from './verdict/reason-codes.ts'
export { VERDICT_SCHEMA, VERDICT_VERSION } from './verdict/verdict.ts'
export { VerdictsFile } from './verdicts-file.ts'
export { parseVerdict, readVerdicts } from './read-verdicts.ts'
export { formatReason } from './verdict/format-reason.ts'
export type { Reason, ReasonEvidence, TurnHallucinations, Verdict } from './verdict/verdict.ts'

// Errors
export { JudgeError } from './judge-error.ts'
export type { JudgeErrorCode } from './judge-error.ts'
