// Writes packages/harness/call-script.schema.json from the zod schema (the single source).
// Run: node --conditions=source packages/harness/scripts/write-call-script-schema.ts
// A test (test/call-script-schema.test.ts) fails when the committed file is out of date.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderCallScriptJsonSchema } from '../src/render-call-script-json-schema.ts'

const target = fileURLToPath(new URL('../call-script.schema.json', import.meta.url))
writeFileSync(target, renderCallScriptJsonSchema())
console.log(`wrote ${target}`)
