import { z } from 'zod'
import { CallScriptSchema } from './call-script-schema.ts'

/** The JSON Schema (draft 2020-12) of a call script, as the text written to `call-script.schema.json`. */
export function renderCallScriptJsonSchema(): string {
  const schema = z.toJSONSchema(CallScriptSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, $id: 'https://voxguard.dev/schemas/call-script.schema.json' }, null, 2)}\n`
}
