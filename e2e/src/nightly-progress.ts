import type { CallRecord } from '@voxguard/harness'
import type { Verdict } from '@voxguard/judge'
import { createProgressBar } from 'voxguard'
import type { NightlyProgress, NightlyStage } from './run-nightly.ts'

/**
 * The nightly's progress: on a terminal, one line per stage (mock, agent, calls, judge,
 * report) and a bar redrawn in place while calls run and verdicts come in, failures listed
 * above it; when the output is not a TTY or `CI` is set, plain lines only (one per stage and
 * per call), so CI logs stay readable. Lines name scripts, repeats and failure kinds only,
 * never transcript text (it may hold callers' personal data).
 */
export function createNightlyProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): NightlyProgress & { finish(): void } {
  const bar = createProgressBar(stream, env)
  let current: NightlyStage | undefined
  return {
    stage(stage, detail) {
      bar.stop()
      current = stage
      bar.line(`${stage.padEnd(6)} ${detail} (${bar.elapsed()})`)
    },
    plan(calls) {
      bar.start(calls, current === 'judge' ? 'judged' : 'calls')
    },
    record(record: CallRecord) {
      bar.advance(record.failure !== undefined)
      const outcome = record.failure ? `FAIL ${record.failure.kind} (turn ${record.failure.turn ?? 0})` : 'ok'
      if (!bar.interactive) bar.line(`  [${bar.done}/${bar.total}] ${record.scriptId} #${record.repeat} ${outcome} ${(record.durationMs / 1000).toFixed(1)}s`)
      else if (record.failure) bar.line(`  ${record.scriptId} #${record.repeat} ${outcome}`)
    },
    verdict(verdict: Verdict) {
      bar.advance(verdict.outcome === 'fail')
      if (!bar.interactive && bar.done === bar.total) bar.line(`  judged ${bar.done} calls, ${bar.failed} failed`)
    },
    finish: bar.stop,
  }
}
