/**
 * The smallest real app on @voxguard/llm: one route, a three-target fallback chain,
 * a streamed answer, and where it came from.
 *
 *   node --conditions=source examples/quickstart/src/main.ts --mock   # offline, primary region down
 *   node --conditions=source examples/quickstart/src/main.ts          # real providers (see README)
 */
import { createLlmClient, isLlmError, type TargetConfig } from '@voxguard/llm'
import { startLocalProvider } from './local-providers.ts'

const mock = process.argv.includes('--mock')
const answer = 'We are open Monday to Friday from 9 am to 6 pm, and Saturday from 9 am to 1 pm.'

const local = mock
  ? await Promise.all([startLocalProvider('failing', answer), startLocalProvider('healthy', answer), startLocalProvider('healthy', answer)])
  : []

function env(name: string): string {
  const value = process.env[name]
  if (value === undefined || value === '') {
    console.error(`Set ${name} (or run with --mock to use local fake providers).`)
    process.exit(2)
  }
  return value
}

const targets: Record<string, TargetConfig> = mock
  ? {
      'azure-japaneast': { provider: 'azure-openai', endpoint: local[0]!.url, deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: 'mock-key', region: 'japaneast' },
      'azure-swedencentral': { provider: 'azure-openai', endpoint: local[1]!.url, deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: 'mock-key', region: 'swedencentral' },
      openai: { provider: 'openai', model: 'gpt-4o-mini', baseURL: `${local[2]!.url}/v1`, apiKey: 'mock-key' },
    }
  : {
      'azure-japaneast': { provider: 'azure-openai', endpoint: env('AZURE_JAPANEAST_ENDPOINT'), deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: env('AZURE_JAPANEAST_API_KEY') },
      'azure-swedencentral': { provider: 'azure-openai', endpoint: env('AZURE_SWEDENCENTRAL_ENDPOINT'), deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: env('AZURE_SWEDENCENTRAL_API_KEY') },
      openai: { provider: 'openai', model: 'gpt-4o-mini', apiKey: env('OPENAI_API_KEY') },
    }

const llm = createLlmClient({
  targets,
  routes: {
    answer: { chain: ['azure-japaneast', 'azure-swedencentral', 'openai'], deadlineMs: 8_000, firstTokenTimeoutMs: 2_500 },
  },
  onEvent: (event) => {
    if (event.type === 'fallback') console.log(`  [fallback] ${event.target} -> ${event.nextTarget ?? '(none)'}: ${event.reason}`)
  },
})

let exitCode = 0
try {
  let started = false
  for await (const part of llm.stream({
    route: 'answer',
    messages: [
      { role: 'system', content: 'You are the receptionist of a small clinic. Answer in one sentence.' },
      { role: 'user', content: 'When are you open?' },
    ],
  })) {
    if (part.type === 'text-delta') {
      if (!started) process.stdout.write('Answer: ')
      started = true
      process.stdout.write(part.text)
    }
    if (part.type === 'end') {
      process.stdout.write('\n\n')
      console.log(`servedBy: ${part.servedBy}   finishReason: ${part.finishReason}   tokens: ${part.usage?.totalTokens ?? 'n/a'}`)
      console.log('attempts:')
      for (const attempt of part.attempts) {
        const ttft = attempt.timeToFirstTokenMs === undefined ? '' : `, first token ${attempt.timeToFirstTokenMs} ms`
        console.log(`  ${attempt.attempt}. ${attempt.target.padEnd(20)} ${attempt.outcome.padEnd(8)} ${attempt.latencyMs} ms${ttft}${attempt.reason === undefined ? '' : `  (${attempt.reason})`}`)
      }
    }
  }
} catch (error) {
  exitCode = 1
  console.error(`\nFailed: ${isLlmError(error) ? `${error.kind}: ${error.message}` : String(error)}`)
} finally {
  llm.close()
  await Promise.all(local.map((provider) => provider.close()))
}
process.exitCode = exitCode
