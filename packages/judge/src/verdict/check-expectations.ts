import { compileMatchPattern, type CallRecord, type MatchPattern, type ToolCallRecord, type TurnExpectations, type TurnRecord } from '@voxguard/harness'
import { saysPhrase } from './text-match.ts'
import type { Reason, ReasonEvidence } from './verdict.ts'

function quote(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text
}

function unmet(expectation: NonNullable<ReasonEvidence['expectation']>, message: string, reply: string, turn?: number): Reason {
  return { code: 'expectation_unmet', factor: 'dialogue', ...(turn !== undefined ? { turn } : {}), message, evidence: { quote: quote(reply), expectation } }
}

function isSubset(expected: Record<string, unknown>, actual: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([key, value]) => {
    const other = actual[key]
    if (value !== null && typeof value === 'object' && other !== null && typeof other === 'object') return isSubset(value as Record<string, unknown>, other as Record<string, unknown>)
    if (typeof value === 'string' && typeof other === 'string') return saysPhrase(other, value) && saysPhrase(value, other)
    return value === other
  })
}

/** True when one of the tool calls has this name and (a superset of) these arguments. */
export function toolWasCalled(calls: ToolCallRecord[], expected: { name: string; arguments?: Record<string, unknown> }): boolean {
  return calls.some((call) => call.name === expected.name && (!expected.arguments || isSubset(expected.arguments, call.arguments)))
}

/** Checks one turn's expectations (says any/all, never says, matches, tool called) on its reply. */
export function checkTurnExpectations(turn: TurnRecord, expectations: TurnExpectations | undefined): Reason[] {
  if (!expectations) return []
  const reply = turn.agent.text
  const reasons: Reason[] = []
  if (expectations.saysAny && expectations.saysAny.length > 0 && !expectations.saysAny.some((phrase) => saysPhrase(reply, phrase))) {
    reasons.push(unmet('saysAny', `turn ${turn.index}: the reply says none of ${JSON.stringify(expectations.saysAny)}`, reply, turn.index))
  }
  for (const phrase of expectations.saysAll ?? []) {
    if (!saysPhrase(reply, phrase)) reasons.push(unmet('saysAll', `turn ${turn.index}: the reply does not say ${JSON.stringify(phrase)}`, reply, turn.index))
  }
  for (const phrase of expectations.neverSays ?? []) {
    if (saysPhrase(reply, phrase)) reasons.push(unmet('neverSays', `turn ${turn.index}: the reply says ${JSON.stringify(phrase)}, which it must never say`, reply, turn.index))
  }
  for (const source of expectations.matches ?? []) {
    // RE2 (linear time): a pattern from a script cannot stall the judge. One the loader would
    // have refused (a record written by hand) is matched as literal text.
    let pattern: MatchPattern
    try {
      pattern = compileMatchPattern(source)
    } catch {
      pattern = compileMatchPattern(source.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    }
    if (!pattern.test(reply.normalize('NFKC'))) reasons.push(unmet('matches', `turn ${turn.index}: the reply does not match /${source}/i`, reply, turn.index))
  }
  if (expectations.toolCalled && !toolWasCalled(turn.agent.toolCalls, expectations.toolCalled)) {
    reasons.push(unmet('toolCalled', `turn ${turn.index}: tool ${expectations.toolCalled.name} was not called${expectations.toolCalled.arguments ? ' with the expected arguments' : ''}`, reply, turn.index))
  }
  return reasons
}

/** True when the call's goal (goal tool called, or a goal phrase said) was reached; undefined when no goal is set. */
export function goalReached(record: CallRecord, turns: TurnRecord[]): boolean | undefined {
  const expectations = record.expectations
  if (!expectations?.goalTool && !expectations?.goalSaysAny?.length) return undefined
  const calls = turns.flatMap((turn) => turn.agent.toolCalls)
  if (expectations.goalTool && calls.some((call) => call.name === expectations.goalTool)) return true
  return (expectations.goalSaysAny ?? []).some((phrase) => turns.some((turn) => saysPhrase(turn.agent.text, phrase)))
}

/** Call-level expectations on the judged turns: never says, tools called, agent ends the call. */
export function checkCallExpectations(record: CallRecord, turns: TurnRecord[], complete: boolean): Reason[] {
  const expectations = record.expectations
  if (!expectations) return []
  const reasons: Reason[] = []
  for (const phrase of expectations.neverSays ?? []) {
    const turn = turns.find((candidate) => saysPhrase(candidate.agent.text, phrase))
    if (turn) reasons.push(unmet('neverSays', `turn ${turn.index}: the reply says ${JSON.stringify(phrase)}, which the agent must never say in this call`, turn.agent.text, turn.index))
  }
  if (!complete) return reasons
  const calls = turns.flatMap((turn) => turn.agent.toolCalls)
  for (const tool of expectations.toolsCalled ?? []) {
    if (!toolWasCalled(calls, tool)) reasons.push(unmet('toolsCalled', `tool ${tool.name} was never called in the call`, turns.at(-1)?.agent.text ?? ''))
  }
  if (expectations.agentEndsCall === true && record.endedBy !== 'agent') reasons.push(unmet('agentEndsCall', `the agent was expected to end the call (ended by ${record.endedBy})`, turns.at(-1)?.agent.text ?? ''))
  return reasons
}
