import { parseArgs } from 'node:util'
import { startMockServer } from '@voxguard/mock-llm'
import type { Command } from '../../command.ts'
import { parseIntegerOption } from '../../parse-integer-option.ts'

const usage = `usage: voxguard mock --profile FILE [--port N] [--knowledge-base FILE] [--ground-truth FILE] [--seed N]

Starts fake OpenAI / Azure OpenAI / Bedrock endpoints that behave as the chaos profile says,
until interrupted (Ctrl-C).`

export const mockCommand: Command = {
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { profile: { type: 'string' }, port: { type: 'string' }, 'knowledge-base': { type: 'string' }, 'ground-truth': { type: 'string' }, seed: { type: 'string' } },
    })
    const port = parseIntegerOption(values.port, 'port', 0)
    const seed = parseIntegerOption(values.seed, 'seed', 0)
    const server = await startMockServer({
      ...(values.profile !== undefined ? { profile: values.profile } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(values['knowledge-base'] !== undefined ? { knowledgeBase: values['knowledge-base'] } : {}),
      ...(values['ground-truth'] !== undefined ? { groundTruthFile: values['ground-truth'] } : {}),
      ...(seed !== undefined ? { seed } : {}),
    })
    io.stdout.write(`mock LLM providers on ${server.url}\n`)
    for (const target of server.targets) {
      const endpoints = server.endpoints(target)
      io.stdout.write(`  ${target}: openai ${endpoints.openai}  azure ${endpoints.azure}  bedrock ${endpoints.bedrock}\n`)
    }
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) return resolve()
      io.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await server.close()
    return 0
  },
}
