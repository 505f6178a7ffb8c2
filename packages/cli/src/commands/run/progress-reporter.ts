import type { CallRecord, HarnessError } from '@voxguard/harness'
import { formatIssue } from '@voxguard/harness'
import { createProgressBar } from '../../progress-bar.ts'

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
  const bar = createProgressBar(stream, env)
  return {
    plan(calls, scriptErrors) {
      for (const error of scriptErrors) {
        const details = error.issues.length > 0 ? error.issues.map(formatIssue).join('\n  ') : error.message
        errors.write(`script error: ${details}\n`)
      }
      stream.write(`running ${plural(calls, 'call')}${scriptErrors.length ? ` (${plural(scriptErrors.length, 'script')} skipped: invalid)` : ''}\n`)
      bar.start(calls, 'calls')
    },
    record(record) {
      const failure = record.failure
      bar.advance(failure !== undefined)
      const outcome = failure ? `FAIL ${failure.kind} (turn ${failure.turn ?? 0}${failure.closeCode ? `, close ${failure.closeCode}` : ''}): ${truncate(failure.message, 160)}` : 'ok'
      if (!bar.interactive || failure) bar.line(`[${bar.done}/${bar.total}] ${record.scriptId} #${record.repeat} ${outcome} ${(record.durationMs / 1000).toFixed(1)}s`)
    },
    finish(summary) {
      const total = bar.total
      bar.stop()
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
