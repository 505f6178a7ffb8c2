import { fileURLToPath } from 'node:url'
import { startClinicAgent, type ClinicAgent, type StartClinicAgentOptions } from '../src/index.ts'
import { WsTestClient, type Message } from './ws-test-client.ts'

/** A chaos profile of the example (`profiles/NAME.yaml`). */
export const profile = (name: string) => fileURLToPath(new URL(`../profiles/${name}.yaml`, import.meta.url))

/** A Wednesday in Tokyo: "Saturday" is 2025-06-07. */
export const now = () => new Date('2025-06-04T01:00:00Z')

/** Starts an agent on mock providers with `profile` (no speech, quiet logs unless `options` say otherwise). */
export function startTestAgent(profileName: string, options: StartClinicAgentOptions = {}): Promise<ClinicAgent> {
  return startClinicAgent({ port: 0, profile: profile(profileName), speech: 'none', logLevel: 'error', now, ...options })
}

/** Runs `test` against an agent started for it, and closes the agent after. */
export async function withAgent(profileName: string, test: (agent: ClinicAgent) => Promise<void>, options: StartClinicAgentOptions = {}): Promise<void> {
  const agent = await startTestAgent(profileName, options)
  try {
    await test(agent)
  } finally {
    await agent.close()
  }
}

/** Opens a text-protocol call (`start` with `fields`) and waits for the greeting. */
export async function call(agent: ClinicAgent, fields: Record<string, unknown> = {}): Promise<WsTestClient> {
  const client = new WsTestClient(`${agent.url.replace('http', 'ws')}/text`)
  await client.opened()
  client.send({ type: 'start', version: 1, callId: 'c-1', scriptId: 'test', ...fields })
  await client.waitFor((message) => message.type === 'agent.final' && message.replyId === 'r0')
  return client
}

/** Sends one caller turn and resolves with its final reply. */
export async function say(client: WsTestClient, turn: number, text: string): Promise<Message> {
  const from = client.messages.length
  client.send({ type: 'caller.text', turn, text })
  return client.waitFor((message) => message.type === 'agent.final', 8000, from)
}

/** Says `text` and returns the final reply plus every message of the turn. */
export async function turn(client: WsTestClient, index: number, text: string): Promise<{ final: Message; messages: Message[] }> {
  const from = client.messages.length
  const final = await say(client, index, text)
  return { final, messages: client.messages.slice(from) }
}
