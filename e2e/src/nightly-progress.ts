import type { CallRecord } from '@voxguard/harness'
import type { Verdict } from '@voxguard/judge'
import type { NightlyProgress, NightlyStage } from './run-nightly.ts'

/**
 * The nightly's progress: on a terminal, one line per stage (mock, agent, calls, judge,
 * report) and a bar redrawn in place while calls run and verdicts come in, failures listed
 * above it; when the output is not a TTY or `CI` is set, plain lines only (one per stage and
 * per call), so CI logs stay readable. Lines name scripts, repeats and failure kinds only,
 * never transcript text (it may hold callers' personal data).
 */
export function createNightlyProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): NightlyProgress & { finish(): void } {
  const interactive = stream.isTTY === true && env.CI !== 'true' && env.CI !== '1'
  const startedAt = performance.now()
  let current: NightlyStage | undefined
  let total = 0
  let done = 0
  let failed = 0
  let ticker: NodeJS.Timeout | undefined
  const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)}s`
  const draw = () => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50))
    const filled = total === 0 ? 0 : Math.round((done / total) * width)
    const noun = current === 'judge' ? 'judged' : 'calls'
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${noun}, ${failed} failed, ${elapsed()}\x1b[K`)
  }
  const endBar = () => {
    if (ticker === undefined) return
    clearInterval(ticker)
    ticker = undefined
    stream.write('\n')
  }
  const line = (text: string) => (ticker === undefined ? stream.write(`${text}\n`) : stream.write(`\r${text}\x1b[K\n`))
  return {
    stage(stage, detail) {
      endBar()
      current = stage
      line(`${stage.padEnd(6)} ${detail} (${elapsed()})`)
    },
    plan(calls) {
      total = calls
      done = 0
      failed = 0
      if (!interactive) return
      draw()
      ticker = setInterval(draw, 1000).unref()
    },
    record(record: CallRecord) {
      done++
      if (record.failure) failed++
      const outcome = record.failure ? `FAIL ${record.failure.kind} (turn ${record.failure.turn ?? 0})` : 'ok'
      if (!interactive) return void line(`  [${done}/${total}] ${record.scriptId} #${record.repeat} ${outcome} ${(record.durationMs / 1000).toFixed(1)}s`)
      if (record.failure) line(`  ${record.scriptId} #${record.repeat} ${outcome}`)
      draw()
    },
    verdict(verdict: Verdict) {
      done++
      if (verdict.outcome === 'fail') failed++
      if (!interactive) {
        if (done === total) line(`  judged ${done} calls, ${failed} failed`)
        return
      }
      draw()
    },
    finish: endBar,
  }
}
