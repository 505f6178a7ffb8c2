import type { CallScript } from '../call-script.ts'
import type { CallTransport } from '../call-transport.ts'
import type { CallState } from './call-state.ts'

/**
 * Plays a script on an open transport, step by step: wait for `ready`, hear the greeting,
 * then for each turn perform the caller's action and wait for the reply (or interrupt it, for
 * a barge-in next); after the last turn give the agent `endGraceMs` to hang up, else hang up.
 * Stops at once when the call ends (a failure, the agent hanging up).
 */
export async function playScript(state: CallState, transport: CallTransport, script: CallScript, settings: { turnTimeoutMs: number; endGraceMs: number }): Promise<void> {
  const greeting = state.turns[0]!
  if ((await state.waitFor(() => state.ready, settings.turnTimeoutMs)) === 'timeout') state.turnTimeout(greeting, 'the agent did not accept the call (no "ready")')
  if (script.greeting && !state.ended) {
    if ((await state.waitForReplyEnd(greeting)) === 'timeout') state.turnTimeout(greeting, 'the agent did not finish its greeting')
  }
  for (const [position, scriptTurn] of script.turns.entries()) {
    if (state.ended) break
    const index = position + 1
    const turn = state.startTurn(index, state.clock())
    turn.caller = scriptTurn.action
    if (scriptTurn.expect) turn.expectations = scriptTurn.expect
    const action = scriptTurn.action
    if (action.kind === 'hangup') {
      state.end('caller')
      await transport.hangup()
      return
    }
    turn.sentAtMs = await transport.perform(index, action, scriptTurn.audioFile)
    // An IVR collecting digits answers nothing: the caller goes on at once.
    if (scriptTurn.expect?.noReply) continue
    const next = script.turns[position + 1]?.action
    const interruptAfterMs = next?.kind === 'barge-in' || next?.kind === 'hangup' ? next.afterMs : undefined
    if (interruptAfterMs !== undefined) {
      // Interrupt this reply (barge-in, hang-up mid-answer) once `afterMs` of it has played.
      if ((await state.waitFor(() => state.replyStarted(index), settings.turnTimeoutMs)) === 'timeout') state.turnTimeout(turn, 'the agent did not start its reply')
      else await state.sleepUntil(turn.sentAtMs + (turn.agent.firstByteMs ?? 0) + interruptAfterMs)
      continue
    }
    if (action.kind === 'silence') {
      await state.sleepUntil(turn.sentAtMs + action.durationMs)
      if (!state.replyStarted(index)) continue
    }
    if ((await state.waitForReplyEnd(turn)) === 'timeout') state.turnTimeout(turn, turn.agent.firstByteMs === undefined ? 'the agent did not reply' : 'the agent went silent before completing its reply')
  }
  if (!state.ended) {
    await state.waitFor(() => false, settings.endGraceMs)
    if (!state.ended) {
      state.end('caller')
      await transport.hangup()
    }
  }
}
