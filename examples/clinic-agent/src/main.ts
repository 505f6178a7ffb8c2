import { parseArgs } from 'node:util'
import { startClinicAgent } from './start-clinic-agent.ts'

const usage = 'usage: node --conditions=source examples/clinic-agent/src/main.ts [--port N] [--profile FILE] [--config FILE] [--llm auto|mock|real]'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, profile: { type: 'string' }, config: { type: 'string' }, llm: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) throw new Error(`--port: expected a whole number 0-65535, got "${values.port}"`)
  if (values.llm !== undefined && !['auto', 'mock', 'real'].includes(values.llm)) throw new Error(`--llm: expected auto, mock or real, got "${values.llm}"`)
  const agent = await startClinicAgent({ port, profile: values.profile, configFile: values.config, llmMode: values.llm as 'auto' | 'mock' | 'real' | undefined })
  console.log(`clinic agent: ${agent.url} (text: ${agent.url.replace('http', 'ws')}/text, twilio: ${agent.url.replace('http', 'ws')}/twilio, llm: ${agent.llmMode})`)
  const stop = () => {
    void agent.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`clinic agent: ${error instanceof Error ? error.message : String(error)}`)
  console.error(usage)
  process.exit(1)
})
