import type { CallRecord, HarnessError } from '@voxguard/harness'
import { formatIssue } from '@voxguard/harness'

export interface ProgressReporter {
  plan(calls: number, scriptErrors: HarnessError[]): void
  record(record: CallRecord): void
  finish(summary: { calls: number; failedCalls: number; recordsFile: string; elapsedMs: number }): void
}

/**
 * A progress bar redrawn in place on a terminal, or one plain line per call when the
 * output is not a TTY or `CI=true` (logs stay readable). Lines name the script, repeat
 * and outcome only: never transcript text (it may hold callers' personal data).
 */
export function createProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, errors: NodeJS.WritableStream, env: NodeJS.ProcessEnv): ProgressReporter {
  const interactive = stream.isTTY === true && env.CI !== 'true' && env.CI !== '1'
  const startedAt = performance.now()
  let total = 0
  let done = 0
  let failed = 0
  const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)}s`
  const draw = () => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50))
    const filled = total === 0 ? width : Math.round((done / total) * width)
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} calls, ${failed} failed, ${elapsed()}\x1b[K`)
  }
  return {
    plan(calls, scriptErrors) {
      total = calls
      for (const error of scriptErrors) {
        const details = error.issues.length > 0 ? error.issues.map(formatIssue).join('\n  ') : error.message
        errors.write(`script error: ${details}\n`)
      }
      stream.write(`running ${calls} call${calls === 1 ? '' : 's'}${scriptErrors.length ? ` (${scriptErrors.length} script${scriptErrors.length === 1 ? '' : 's'} skipped: invalid)` : ''}\n`)
      if (interactive) draw()
    },
    record(record) {
      done++
      if (record.failure) failed++
      if (interactive) return draw()
      const outcome = record.failure ? `FAIL ${record.failure.kind} (turn ${record.failure.turn ?? 0}${record.failure.closeCode ? `, close ${record.failure.closeCode}` : ''})` : 'ok'
      stream.write(`[${done}/${total}] ${record.scriptId} #${record.repeat} ${outcome} ${(record.durationMs / 1000).toFixed(1)}s\n`)
    },
    finish(summary) {
      if (interactive) stream.write('\n')
      stream.write(`${summary.calls} calls, ${summary.failedCalls} failed at the transport level, ${(summary.elapsedMs / 1000).toFixed(1)}s; records: ${summary.recordsFile}\n`)
    },
  }
}
