import { AGENT_EVENTS, type CallRecord, type TurnRecord } from '@voxguard/harness'
import { checkGrounding } from './check-grounding.ts'
import { resolveVocabulary } from './grounding/subject-terms.ts'
import type { Vocabulary } from './grounding/validate-vocabulary.ts'
import type { ClaimCheck } from './grounding/claim-check.ts'
import { JudgeError } from './judge-error.ts'
import type { KnowledgeBase } from '@voxguard/knowledge'
import type { LlmJudge } from './llm/llm-judge.ts'
import { checkCallExpectations, checkTurnExpectations, goalReached } from './verdict/check-expectations.ts'
import { heardReply } from './verdict/heard-reply.ts'
import { isHandoffTool } from './verdict/is-handoff-tool.ts'
import { findLoop, misunderstood } from './verdict/dialogue-patterns.ts'
import { REASON_FACTORS } from './verdict/reason-codes.ts'
import { systemReasons } from './verdict/system-reasons.ts'
import { audioTurnTexts, readableRecord } from './verdict/audio-turns.ts'
import { checkHeardText } from './verdict/check-heard-text.ts'
import { findAsrMisrecognitions } from './verdict/find-asr-misrecognitions.ts'
import { VERDICT_SCHEMA, VERDICT_VERSION, type Reason, type TurnHallucinations, type Verdict } from './verdict/verdict.ts'

export interface JudgeCallOptions {
  /** Knowledge to ground replies in. Default: none (no hallucination check). */
  knowledge?: KnowledgeBase | string
  /** Decides the statements the rules leave `unsettled`: all of one reply's in one call. Default: none. */
  llmJudge?: LlmJudge
  /** Without an LLM judge, count `unsettled` statements as hallucinations (the judge's behaviour before `unsettled` existed). Default false: they are reported in the findings' claims, not counted. */
  strict?: boolean
  /** Same reply this many times is a loop. Default 3. */
  loopThreshold?: number
  /** Replies at least this similar (0–1, word Jaccard) count as the same reply. Default 0.9. */
  loopSimilarityRatio?: number
  /** More subject words of the business's trade, any language (`{ cleaning: ['scaling', 'クリーニング'] }`); see `loadVocabulary`. Extends the general vocabulary and the knowledge base's `vocabulary` section (its words win). Default: none. */
  vocabulary?: Vocabulary
  /** Audio calls: the agent misheard the caller when its `asr.result` is at least this word error rate (0–1) from the script's words (one wrong word in five is 0.2). Default 0.2. */
  asrMisrecognitionWerRatio?: number
  /** Cancels LLM-judge calls. */
  signal?: AbortSignal
}

interface ResolvedOptions {
  loopThreshold: number
  loopSimilarityRatio: number
  asrMisrecognitionWerRatio: number
}

/** Applies defaults and rejects bad values, naming the option. */
export function resolveJudgeOptions(options: JudgeCallOptions): ResolvedOptions {
  const loopThreshold = options.loopThreshold ?? 3
  const loopSimilarityRatio = options.loopSimilarityRatio ?? 0.9
  if (!Number.isInteger(loopThreshold) || loopThreshold < 2) throw new JudgeError('option_invalid', `loopThreshold must be an integer ≥ 2 (got ${String(options.loopThreshold)})`, { option: 'loopThreshold', expected: 'an integer ≥ 2', received: options.loopThreshold })
  if (!(loopSimilarityRatio > 0 && loopSimilarityRatio <= 1)) throw new JudgeError('option_invalid', `loopSimilarityRatio must be in (0, 1] (got ${String(options.loopSimilarityRatio)})`, { option: 'loopSimilarityRatio', expected: 'a ratio in (0, 1]', received: options.loopSimilarityRatio })
  const asrMisrecognitionWerRatio = options.asrMisrecognitionWerRatio ?? 0.2
  if (!(asrMisrecognitionWerRatio > 0 && asrMisrecognitionWerRatio <= 1)) throw new JudgeError('option_invalid', `asrMisrecognitionWerRatio must be in (0, 1] (got ${String(options.asrMisrecognitionWerRatio)})`, { option: 'asrMisrecognitionWerRatio', expected: 'a ratio in (0, 1]', received: options.asrMisrecognitionWerRatio })
  if (options.strict !== undefined && typeof options.strict !== 'boolean') throw new JudgeError('option_invalid', `strict must be true or false (got ${JSON.stringify(options.strict)})`, { option: 'strict', expected: 'true or false', received: options.strict })
  resolveVocabulary(options.vocabulary)
  return { loopThreshold, loopSimilarityRatio, asrMisrecognitionWerRatio }
}

function callerText(turn: TurnRecord): string {
  const caller = turn.caller
  return caller && (caller.kind === 'text' || caller.kind === 'barge-in') ? caller.text : ''
}

/** A last word with a digit in it may be a number the outage cut short ("30" of "3000", "09:00-1"). */
const CUT_NUMBER_AT_END = /\S*\d\S*\s*$/u

/**
 * Turns an LLM outage broke off mid-reply, cut to what the caller heard before the apology
 * (the event's `spokenChars`, without a number the cut may have shortened). Only claims this
 * text contradicts count: a false value said before the outage is the dialogue's own failure,
 * independent of the outage, while a half-said sentence is not "unsupported".
 */
function cutByOutage(record: CallRecord, cutoffTurn: number): TurnRecord[] {
  const cuts: TurnRecord[] = []
  for (const event of record.events) {
    const spokenChars = event.data?.['spokenChars']
    if ((event.name !== AGENT_EVENTS.llmAllFailed && event.name !== AGENT_EVENTS.llmDeadline) || typeof spokenChars !== 'number' || spokenChars <= 0 || event.turn >= cutoffTurn) continue
    const turn = record.turns.find((candidate) => candidate.index === event.turn)
    if (!turn || cuts.some((cut) => cut.index === turn.index)) continue
    const heard = turn.agent.text.slice(0, spokenChars).replace(CUT_NUMBER_AT_END, '')
    cuts.push({ ...turn, agent: { ...turn.agent, text: heard, interrupted: false } })
  }
  return cuts
}

function hasHandoff(record: CallRecord): boolean {
  return record.events.some((event) => event.name === AGENT_EVENTS.handoffHuman) || record.turns.some((turn) => turn.agent.toolCalls.some((call) => isHandoffTool(call.name)))
}

/** Longest stretch of one reply that is grounded (about three minutes of speech); the rest is not checked. */
const MAX_GROUNDED_REPLY_CHARS = 2000
/** How many turns back (caller words, tool data) a reply is grounded against. */
const MAX_CONTEXT_TURNS = 50

async function groundTurns(record: CallRecord, turns: TurnRecord[], options: JudgeCallOptions, contradictionsOnly: ReadonlySet<number>): Promise<{ hallucinations: TurnHallucinations[]; claimsChecked: number }> {
  const hallucinations: TurnHallucinations[] = []
  let claimsChecked = 0
  if (options.knowledge === undefined) return { hallucinations, claimsChecked }
  for (const turn of turns) {
    // Bounded work whatever a record holds: the first MAX_GROUNDED_REPLY_CHARS of a reply (minutes
    // of speech) against the last MAX_CONTEXT_TURNS turns of the call.
    const reply = heardReply(turn).slice(0, MAX_GROUNDED_REPLY_CHARS)
    if (reply.trim() === '') continue
    const earlier = record.turns.filter((other) => other.index <= turn.index && other.index > turn.index - MAX_CONTEXT_TURNS)
    const context = earlier.map(callerText).filter(Boolean)
    const toolData = earlier.flatMap((other) => other.agent.toolCalls.map((call) => ({ name: call.name, arguments: call.arguments, result: call.result })))
    const result = checkGrounding({ knowledge: options.knowledge, context, toolData, response: reply, ...(options.vocabulary ? { vocabulary: options.vocabulary } : {}), ...(options.strict ? { strict: true } : {}) })
    let claims: ClaimCheck[] = [...result.claims]
    if (options.llmJudge && result.unsettled.length > 0) {
      // The LLM judge decides the sentences the rules could not settle, all of this reply's in one call.
      claims = claims.filter((claim) => claim.status !== 'unsettled')
      claims.push(...(await options.llmJudge.verify({ knowledge: options.knowledge, context, response: reply, statements: result.unsettled, ...(options.signal ? { signal: options.signal } : {}) })))
    }
    claimsChecked += claims.length
    const counts = (claim: ClaimCheck): boolean => claim.status === 'contradicted' || claim.status === 'unsupported' || (options.strict === true && claim.status === 'unsettled')
    const findings = claims.filter((claim) => counts(claim) && (!contradictionsOnly.has(turn.index) || claim.status === 'contradicted'))
    if (findings.length > 0) hallucinations.push({ turn: turn.index, reply: turn.agent.text, findings })
  }
  return { hallucinations, claimsChecked }
}

/**
 * Audio calls: grounds what the caller heard in each judged turn. False claims the agent also
 * meant to say are confirmed (their heard text backs the hallucination); the rest are the
 * harness's mishearing and only listed.
 */
function groundHeardTexts(record: CallRecord, judged: TurnRecord[], options: JudgeCallOptions): { confirmed: Map<number, string>; misheard: TurnHallucinations[] } {
  const confirmed = new Map<number, string>()
  const misheard: TurnHallucinations[] = []
  if (options.knowledge === undefined) return { confirmed, misheard }
  const texts = audioTurnTexts(record)
  for (const turn of judged) {
    const { intended, heard } = texts.get(turn.index) ?? {}
    if (!heard) continue
    const context = record.turns.filter((other) => other.index <= turn.index).map(callerText).filter(Boolean)
    const toolData = record.turns.filter((other) => other.index <= turn.index).flatMap((other) => other.agent.toolCalls.map((call) => ({ name: call.name, arguments: call.arguments, result: call.result })))
    const findings = checkHeardText({ knowledge: options.knowledge, heard, ...(intended ? { intended } : {}), context, toolData, ...(options.vocabulary ? { vocabulary: options.vocabulary } : {}) })
    if (findings.confirmed.length > 0) confirmed.set(turn.index, heard)
    if (findings.misheard.length > 0) misheard.push({ turn: turn.index, reply: heard, findings: findings.misheard })
  }
  return { confirmed, misheard }
}

/**
 * A failure to do or say something (an expectation the reply misses, a misunderstanding, a loop)
 * — as opposed to saying something false or forbidden (hallucination, `neverSays`).
 */
function isOmission(reason: Reason): boolean {
  if (reason.code === 'misunderstanding' || reason.code === 'loop') return true
  return reason.code === 'expectation_unmet' && reason.evidence.expectation !== 'neverSays'
}

/**
 * Judges one recorded call: system faults first, then (on the turns they leave intact)
 * expectations, misunderstandings, loops, hallucinations and the call's goal. A fault's
 * consequences are not blamed on the dialogue: turns at or after a transport failure and
 * turns with a timeout or an LLM/ASR/TTS failure event are not judged for dialogue, a
 * disrupted call is not also `task_incomplete`, and what the agent fails to do or say after a
 * turn a fault cost is listed as that fault's consequence (factor `system`, `consequenceOf`).
 *
 * @example
 * const verdict = await judgeCall(record, { knowledge: await loadKnowledgeBase(record.knowledgeBase!) })
 * if (verdict.outcome === 'fail') console.log(verdict.factor, verdict.reasons.map((reason) => reason.code))
 */
export async function judgeCall(recorded: CallRecord, options: JudgeCallOptions = {}): Promise<Verdict> {
  const resolved = resolveJudgeOptions(options)
  // Audio calls: each reply's text is what the agent meant to say, else what the harness heard.
  const { record, unheard, heardOnly } = readableRecord(recorded)
  const system = systemReasons(record)
  // A hand-off to a human after a system fault is the fault's consequence: from the hand-off on
  // the AI is no longer answering, so those turns are not judged for dialogue either.
  const firstFault = Math.min(...system.reasons.filter((reason) => reason.code !== 'latency_over_budget').map((reason) => reason.turn ?? 0))
  const handoffTurn = Math.min(...record.events.filter((event) => event.name === AGENT_EVENTS.handoffHuman).map((event) => event.turn), ...record.turns.filter((turn) => turn.agent.toolCalls.some((call) => isHandoffTool(call.name))).map((turn) => turn.index))
  const handedOffAfterFault = Number.isFinite(handoffTurn) && firstFault <= handoffTurn ? handoffTurn : Number.POSITIVE_INFINITY
  const judged = record.turns.filter((turn) => turn.index < system.cutoffTurn && turn.index < handedOffAfterFault && !system.blockedTurns.has(turn.index) && !unheard.has(turn.index))
  const knowledgeBase = typeof options.knowledge === 'object' ? options.knowledge : undefined
  const dialogue: Reason[] = []
  // The first turn a system fault cost the caller (timeout, LLM/ASR/TTS failure): what the
  // agent then fails to do or say in later turns follows from the lost turn (the request it
  // never heard), so it is listed as that fault's consequence, not as a dialogue failure.
  const lostTurn = Math.min(...system.blockedTurns)
  const lostReason = system.reasons.find((reason) => reason.turn === lostTurn)
  const asConsequence = (reason: Reason): Reason =>
    lostReason && (reason.turn ?? Number.POSITIVE_INFINITY) > lostTurn && isOmission(reason)
      ? { ...reason, factor: 'system', message: `${reason.message} (after turn ${lostTurn}'s ${lostReason.code})`, consequenceOf: { code: lostReason.code, turn: lostTurn } }
      : reason
  for (const turn of judged) {
    const expectationReasons = checkTurnExpectations(turn, turn.expectations)
    const text = callerText(turn)
    const expectsSomething = Boolean(turn.expectations?.saysAny?.length || turn.expectations?.saysAll?.length || turn.expectations?.matches?.length)
    const confusion = text ? misunderstood(text, turn.agent.text, knowledgeBase, expectsSomething) : undefined
    if (confusion && (expectationReasons.length > 0 || confusion.answered === 'fallback' || !turn.expectations)) {
      const asked = confusion.asked ? `asked about ${confusion.asked}` : 'asked a clear question'
      dialogue.push({ code: 'misunderstanding', factor: 'dialogue', turn: turn.index, message: `turn ${turn.index}: the caller ${asked}; the agent answered ${confusion.answered}`, evidence: { quote: turn.agent.text.slice(0, 200) } })
    } else {
      dialogue.push(...expectationReasons)
    }
  }
  const loop = findLoop(judged, resolved.loopThreshold, resolved.loopSimilarityRatio, knowledgeBase)
  if (loop) {
    const third = loop.at(-1)
    dialogue.push({ code: 'loop', factor: 'dialogue', ...(third ? { turn: third.index } : {}), message: `the agent gave the same reply ${loop.length} times (turns ${loop.map((turn) => turn.index).join(', ')})`, evidence: { quote: (loop[0]?.agent.text ?? '').slice(0, 200) } })
  }
  const cut = cutByOutage(record, system.cutoffTurn)
  const grounding = await groundTurns(record, [...judged.filter((turn) => !heardOnly.has(turn.index)), ...cut].sort((left, right) => left.index - right.index), options, new Set(cut.map((turn) => turn.index)))
  for (const turn of grounding.hallucinations) {
    const first = turn.findings[0]
    const knowledge = first?.evidence?.path ? { path: first.evidence.path, ...(first.evidence.value !== undefined ? { value: first.evidence.value } : {}) } : undefined
    const summary = turn.findings.map((finding) => `${finding.status} ${finding.type} "${finding.text}"${finding.evidence?.path ? ` (${finding.evidence.path}: ${finding.evidence.value})` : ''}`).join('; ')
    dialogue.push({ code: 'hallucination', factor: 'dialogue', turn: turn.turn, message: `turn ${turn.turn}: ${summary}`, evidence: { quote: (first?.text ?? '').slice(0, 200), ...(knowledge ? { knowledge } : {}) } })
  }
  const heard = groundHeardTexts(recorded, judged, options)
  for (const [turn, quote] of heard.confirmed) {
    const reason = dialogue.find((item) => item.code === 'hallucination' && item.turn === turn)
    if (reason) reason.evidence.heard = quote.slice(0, 200)
  }
  // A reply the judge could not hear leaves the call's goal unknown, never failed.
  const complete = !system.disrupted && unheard.size === 0
  dialogue.push(...checkCallExpectations(record, judged, complete))
  if (complete && !hasHandoff(record)) {
    const goal = goalReached(record, judged)
    const last = judged.at(-1)
    if (record.endedBy === 'agent' && (goal === false || record.expectations?.agentEndsCall === false)) {
      dialogue.push({ code: 'premature_hangup', factor: 'dialogue', ...(last ? { turn: last.index } : {}), message: `the agent hung up before the call's goal${record.goal ? ` (${record.goal})` : ''} was reached`, evidence: { event: 'agent.hangup', quote: (last?.agent.text ?? '').slice(0, 200) } })
    } else if (goal === false) {
      dialogue.push({ code: 'task_incomplete', factor: 'dialogue', message: `the call's goal${record.goal ? ` (${record.goal})` : ''} was not reached`, evidence: { quote: (last?.agent.text ?? '').slice(0, 200) } })
    }
  }
  const misrecognitions = findAsrMisrecognitions(record, resolved.asrMisrecognitionWerRatio).filter((found) => found.turn < system.cutoffTurn)
  const asrReasons: Reason[] = []
  let attributed = dialogue.map(asConsequence)
  const firstMisheard = misrecognitions[0]
  // The agent misheard the caller and the call then failed: the failure is speech recognition's.
  if (firstMisheard && attributed.some((reason) => reason.factor === 'dialogue' && (reason.turn ?? Number.POSITIVE_INFINITY) >= firstMisheard.turn)) {
    for (const found of misrecognitions) {
      asrReasons.push({ code: 'asr_misrecognition', factor: 'system', turn: found.turn, message: `turn ${found.turn}: the agent heard "${found.agentHeard.slice(0, 80)}" where the caller said "${found.callerSaid.slice(0, 80)}" (word error rate ${found.werRatio})`, evidence: { event: AGENT_EVENTS.asrResult, callerSaid: found.callerSaid.slice(0, 200), agentHeard: found.agentHeard.slice(0, 200), werRatio: found.werRatio } })
    }
    attributed = attributed.map((reason) =>
      reason.factor === 'dialogue' && reason.code !== 'hallucination' && (reason.turn ?? Number.POSITIVE_INFINITY) >= firstMisheard.turn
        ? { ...reason, factor: 'system', message: `${reason.message} (after turn ${firstMisheard.turn}'s asr_misrecognition)`, consequenceOf: { code: 'asr_misrecognition', turn: firstMisheard.turn } }
        : reason,
    )
  }
  system.reasons.push(...asrReasons)
  const reasons = [...system.reasons, ...attributed].sort((left, right) => Object.keys(REASON_FACTORS).indexOf(left.code) - Object.keys(REASON_FACTORS).indexOf(right.code) || (left.turn ?? -1) - (right.turn ?? -1))
  const hasSystem = system.reasons.length > 0
  const hasDialogue = attributed.some((reason) => reason.factor === 'dialogue')
  return {
    schema: VERDICT_SCHEMA,
    version: VERDICT_VERSION,
    callId: record.callId,
    runId: record.runId,
    scriptId: record.scriptId,
    tags: record.tags,
    outcome: hasSystem || hasDialogue ? 'fail' : 'pass',
    factor: hasSystem && hasDialogue ? 'both' : hasSystem ? 'system' : hasDialogue ? 'dialogue' : null,
    reasons,
    hallucinations: grounding.hallucinations,
    ...(heard.misheard.length > 0 ? { misheard: heard.misheard } : {}),
    // A hang-up turn carries no reply of the agent's: counting it would dilute the hallucination rate.
    turnsJudged: judged.filter((turn) => turn.caller?.kind !== 'hangup').length,
    claimsChecked: grounding.claimsChecked,
  }
}
