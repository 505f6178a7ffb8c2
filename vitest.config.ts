import { createLogger, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through the "source" export
// condition, so tests never need a build first.
// Vite's default server conditions include "module", and vitest passes them to the Node
// workers as --conditions; the AWS SDK's "module" build (dist-es) has extensionless
// imports Node cannot load, so the real Bedrock client would not start. Drop "module".
const serverConditions = defaultServerConditions.filter((condition) => condition !== 'module')

// @actions/workflow-parser ships source maps that name sources it does not ship; inlined (see
// server.deps.inline below) each of its files would print a warning. Only those are dropped.
const logger = createLogger()
const warnOnce = logger.warnOnce.bind(logger)
const warn = logger.warn.bind(logger)
const fromWorkflowParser = (message: string) => message.includes('@actions/workflow-parser') && message.includes('points to missing source files')
logger.warn = (message, options) => void (fromWorkflowParser(message) || warn(message, options))
logger.warnOnce = (message, options) => void (fromWorkflowParser(message) || warnOnce(message, options))

export default defineConfig({
  customLogger: logger,
  resolve: { conditions: ['source', ...serverConditions] },
  ssr: { resolve: { conditions: ['source', ...serverConditions], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // @actions/workflow-parser imports its JSON schema without `with { type: 'json' }`, which
    // Node refuses; inlined, Vite loads the JSON (e2e/test/nightly-workflow.test.ts).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
})
