import { createLlmClient, LlmError, type AttemptRecord, type LlmEvent, type TargetConfig } from '@voxguard/llm'

export interface QuickstartOptions {
  /** The three targets of the chain: `azure-japaneast`, `azure-swedencentral`, `openai`. */
  targets: Record<string, TargetConfig>
  /** Where the answer and the summary go. Default: stdout. */
  write?: (text: string) => void
  /** Cancels the call (and its sockets). */
  signal?: AbortSignal
}

export interface QuickstartResult {
  /** Undefined when no target could answer (see `error`). */
  servedBy: string | undefined
  text: string
  attempts: AttemptRecord[]
  /** The `fallback` events of the call: "from -> to: why". */
  fallbacks: string[]
  error?: string
}

/**
 * The smallest real app on @voxguard/llm: route `answer` with a three-target fallback
 * chain, a streamed answer, and a summary of which target served it and why the others
 * were passed over.
 */
export async function runQuickstart(options: QuickstartOptions): Promise<QuickstartResult> {
  const write = options.write ?? ((text: string) => process.stdout.write(text))
  const fallbacks: string[] = []
  const onEvent = (event: LlmEvent) => {
    if (event.type !== 'fallback') return
    const line = `${event.target} -> ${event.nextTarget ?? '(none)'}: ${event.reason ?? event.errorCode ?? ''}`
    fallbacks.push(line)
    write(`  [fallback] ${line}\n`)
  }
  const llm = createLlmClient({
    targets: options.targets,
    routes: {
      answer: { chain: ['azure-japaneast', 'azure-swedencentral', 'openai'], deadlineMs: 8_000, firstTokenTimeoutMs: 2_500 },
    },
    onEvent,
  })
  const result: QuickstartResult = { servedBy: undefined, text: '', attempts: [], fallbacks }
  try {
    let started = false
    for await (const part of llm.stream({
      route: 'answer',
      messages: [
        { role: 'system', content: 'You are the receptionist of a small clinic. Answer in one sentence.' },
        { role: 'user', content: 'When are you open?' },
      ],
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })) {
      if (part.type === 'text-delta') {
        if (!started) write('Answer: ')
        started = true
        write(part.text)
      }
      if (part.type === 'end') {
        Object.assign(result, { servedBy: part.servedBy, text: part.text, attempts: part.attempts })
        write(`\n\nservedBy: ${part.servedBy}   finishReason: ${part.finishReason}   tokens: ${part.usage?.totalTokens ?? 'n/a'}\n`)
        write('attempts:\n')
        for (const attempt of part.attempts) write(`  ${describeAttempt(attempt)}\n`)
      }
    }
  } catch (error) {
    result.error = LlmError.isInstance(error) ? `${error.code}: ${error.message}` : String(error)
    if (LlmError.isInstance(error)) result.attempts = error.attempts
    write(`\nFailed: ${result.error}\n`)
  } finally {
    llm.close()
  }
  return result
}

function describeAttempt(attempt: AttemptRecord): string {
  const outcome = `${attempt.outcome}${attempt.status === undefined ? '' : ` ${attempt.status}`}`
  const firstToken = attempt.timeToFirstTokenMs === undefined ? '' : `, first token ${attempt.timeToFirstTokenMs} ms`
  const reason = attempt.reason === undefined ? '' : `  (${attempt.reason})`
  return `${attempt.attempt}. ${attempt.target.padEnd(20)} ${outcome.padEnd(10)} ${attempt.latencyMs} ms${firstToken}${reason}`
}
