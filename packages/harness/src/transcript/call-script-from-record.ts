import { stringify } from 'yaml'
import type { CallRecord } from '../call-record.ts'
import { CallScriptSchema, type CallScriptInput, type TurnInput } from '../call-script-schema.ts'

export interface CallScriptFromRecordOptions {
  /** Claims the agent must never say again (e.g. the hallucinated claims the judge found): the script's `expect.neverSays`. Default: none. */
  neverSays?: readonly string[]
  /** Latency budget for every reply (`expect.replyWithinMs`). Default: none. */
  replyWithinMs?: number
  /** `knowledgeBase` as the script should name it (relative to the script's folder). Default: none. */
  knowledgeBase?: string
  /** The script's id. Default: `production-` and the call id (characters other than letters, digits, `.`, `_`, `-` become `-`). */
  id?: string
}

/**
 * Turns a (redacted) production call record into a regression call script: the caller's
 * turns as `say`, `dtmf`, `silenceMs` or `bargeIn`, each turn expecting the tools the agent
 * called in it, the call expecting every tool called and none of `neverSays`; tagged
 * `production`, with the source call id in `metadata.sourceCallId`. The result is checked
 * against the call-script schema.
 *
 * @example
 * const script = callScriptFromRecord(record, { neverSays: ['open until 9 pm'] })
 * await writeFile(`scripts/${script.id}.yaml`, renderCallScriptYaml(script))
 */
export function callScriptFromRecord(record: CallRecord, options: CallScriptFromRecordOptions = {}): CallScriptInput {
  const turns: TurnInput[] = []
  for (const turn of record.turns) {
    const caller = turn.caller
    if (!caller) continue
    const tools = [...new Set(turn.agent.toolCalls.map((call) => call.name))]
    const expect = tools.length === 1 ? { expect: { toolCalled: { name: tools[0]! } } } : {}
    switch (caller.kind) {
      case 'text':
        turns.push({ say: caller.text, ...expect })
        break
      case 'dtmf':
        turns.push({ dtmf: caller.digits, ...expect })
        break
      case 'silence':
        turns.push({ silenceMs: Math.round(caller.durationMs), ...expect })
        break
      case 'barge-in':
        turns.push({ bargeIn: { say: caller.text, afterMs: Math.round(caller.afterMs) }, ...expect })
        break
      case 'hangup':
        turns.push({ hangup: true, ...(caller.afterMs !== undefined ? { afterMs: Math.round(caller.afterMs) } : {}) })
    }
  }
  if (turns.length === 0) turns.push({ silenceMs: 1000 })
  const toolsCalled = [...new Set(record.turns.flatMap((turn) => turn.agent.toolCalls.map((call) => call.name)))].map((name) => ({ name }))
  const neverSays = [...new Set((options.neverSays ?? []).map((claim) => claim.trim()).filter((claim) => claim !== ''))]
  const expect = {
    ...(neverSays.length > 0 ? { neverSays } : {}),
    ...(toolsCalled.length > 0 ? { toolsCalled } : {}),
    ...(options.replyWithinMs !== undefined ? { replyWithinMs: options.replyWithinMs } : {}),
  }
  const script: CallScriptInput = {
    id: options.id ?? `production-${record.callId}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 120),
    title: `Production call ${record.callId}`,
    tags: ['production'],
    ...(options.knowledgeBase ? { knowledgeBase: options.knowledgeBase } : {}),
    greeting: record.turns[0]?.agent.firstByteMs !== undefined,
    metadata: { sourceCallId: record.callId, sourceRunId: record.runId },
    turns,
    ...(Object.keys(expect).length > 0 ? { expect } : {}),
  }
  return CallScriptSchema.parse(script)
}

/** The YAML text of a call script, as `voxguard import --scripts` writes it. */
export function renderCallScriptYaml(script: CallScriptInput): string {
  return `# Regression script from production call ${script.metadata?.['sourceCallId'] ?? script.id} (voxguard import).\n${stringify(script, { lineWidth: 0 })}`
}
