/**
 * The quickstart's command line.
 *
 *   node --conditions=source examples/quickstart/src/main.ts --mock   # offline: @voxguard/mock-llm, Japan East down
 *   node --conditions=source examples/quickstart/src/main.ts          # real providers (see README)
 *
 * Exits 0 when an answer was served, 1 when no target could answer, 2 when a variable is missing.
 */
import type { TargetConfig } from '@voxguard/llm'
import { runQuickstart, type QuickstartResult } from './run-quickstart.ts'
import { startMockProviders } from './start-mock-providers.ts'

/** Runs the quickstart with `--mock` (offline) or against the providers named by environment variables. */
export async function main(args: readonly string[], write?: (text: string) => void): Promise<QuickstartResult> {
  if (!args.includes('--mock')) return runQuickstart({ targets: realTargets(), ...(write === undefined ? {} : { write }) })
  const mock = await startMockProviders()
  try {
    return await runQuickstart({ targets: mock.targets, ...(write === undefined ? {} : { write }) })
  } finally {
    await mock.close()
  }
}

function realTargets(): Record<string, TargetConfig> {
  const env = (name: string): string => {
    const value = process.env[name]
    if (value === undefined || value === '') {
      console.error(`Set ${name} (or run with --mock to use the offline mock providers).`)
      process.exit(2)
    }
    return value
  }
  return {
    'azure-japaneast': { provider: 'azure-openai', endpoint: env('AZURE_JAPANEAST_ENDPOINT'), deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: env('AZURE_JAPANEAST_API_KEY') },
    'azure-swedencentral': { provider: 'azure-openai', endpoint: env('AZURE_SWEDENCENTRAL_ENDPOINT'), deployment: 'gpt-4o-mini', apiKey: env('AZURE_SWEDENCENTRAL_API_KEY') },
    openai: { provider: 'openai', model: 'gpt-4o-mini', apiKey: env('OPENAI_API_KEY') },
  }
}

if (import.meta.main) {
  const result = await main(process.argv.slice(2))
  process.exitCode = result.servedBy === undefined ? 1 : 0
}
