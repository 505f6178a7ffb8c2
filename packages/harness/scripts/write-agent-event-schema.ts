// Writes packages/harness/agent-event.schema.json (one line of an agent event log / production
// transcript) from the zod schema (the single source).
// Run: node --conditions=source packages/harness/scripts/write-agent-event-schema.ts
// A test (test/agent-event-schema.test.ts) fails when the committed file is out of date.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderAgentEventJsonSchema } from '../src/transcript/transcript-line-schema.ts'

const target = fileURLToPath(new URL('../agent-event.schema.json', import.meta.url))
writeFileSync(target, renderAgentEventJsonSchema())
console.log(`wrote ${target}`)
