import type { CallRecord, HarnessError } from '@voxguard/harness'
import { formatIssue } from '@voxguard/harness'

export interface ProgressReporter {
  plan(calls: number, scriptErrors: HarnessError[]): void
  record(record: CallRecord): void
  finish(summary: { calls: number; failedCalls: number; recordsFile: string; elapsedMs: number; interruptedBy?: string }): void
}

/**
 * A progress bar redrawn in place on a terminal (failed calls are listed above it), or one
 * plain line per call when the output is not a TTY or `CI=true` (logs stay readable). Lines
 * name the script, repeat, outcome and the harness's failure message only: never
 * transcript text or the agent's last message (they may hold callers' personal data).
 */
export function createProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, errors: NodeJS.WritableStream, env: NodeJS.ProcessEnv): ProgressReporter {
  const interactive = stream.isTTY === true && env.CI !== 'true' && env.CI !== '1'
  const startedAt = performance.now()
  let total = 0
  let done = 0
  let failed = 0
  // Redraws the bar every second so the elapsed time moves during long (Twilio) calls.
  let ticker: NodeJS.Timeout | undefined
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
      stream.write(`running ${plural(calls, 'call')}${scriptErrors.length ? ` (${plural(scriptErrors.length, 'script')} skipped: invalid)` : ''}\n`)
      if (!interactive) return
      draw()
      ticker = setInterval(draw, 1000).unref()
    },
    record(record) {
      done++
      if (record.failure) failed++
      const failure = record.failure
      const outcome = failure ? `FAIL ${failure.kind} (turn ${failure.turn ?? 0}${failure.closeCode ? `, close ${failure.closeCode}` : ''}): ${truncate(failure.message, 160)}` : 'ok'
      const line = `[${done}/${total}] ${record.scriptId} #${record.repeat} ${outcome} ${(record.durationMs / 1000).toFixed(1)}s`
      if (!interactive) return void stream.write(`${line}\n`)
      if (failure) stream.write(`\r${line}\x1b[K\n`)
      draw()
    },
    finish(summary) {
      clearInterval(ticker)
      if (interactive) stream.write('\n')
      if (summary.interruptedBy) stream.write(`interrupted (${summary.interruptedBy}): ${summary.calls} of ${total} calls finished and are recorded; the calls in flight were dropped\n`)
      stream.write(`${plural(summary.calls, 'call')}, ${summary.failedCalls} failed at the transport level, ${(summary.elapsedMs / 1000).toFixed(1)}s; records: ${summary.recordsFile}\n`)
    },
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function truncate(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text
}
