import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll } from 'vitest'
import { WebSocketServer } from 'ws'

const bin = fileURLToPath(new URL('../../src/bin.ts', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** A 15-line echo agent speaking the text protocol on a free loopback port ("You said: …"). */
export async function startEchoAgent(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  server.on('connection', (socket) => {
    let reply = 0
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; callId?: string; text?: string }
      if (message.type === 'start') socket.send(JSON.stringify({ type: 'ready', callId: message.callId }))
      if (message.type === 'caller.text') socket.send(JSON.stringify({ type: 'agent.final', replyId: `r${reply++}`, text: `You said: ${message.text}` }))
      if (message.type === 'caller.hangup') socket.close()
    })
  })
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Runs the `voxguard` bin from its sources in `cwd` with CI=true (plain progress lines) and collects its output. */
export function runVoxguard(cwd: string, args: string[], env: Record<string, string> = {}, onSpawn: (child: ChildProcess) => void = () => {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', bin, ...args], { env: { ...process.env, CI: 'true', ...env }, cwd })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    onSpawn(child)
  })
}

/**
 * What a CLI test file shares: a temporary working folder, an echo agent started before its
 * tests and stopped after them, and `voxguard(args)` run in that folder.
 */
export function useCliFixture(prefix: string): { dir: string; agentUrl: () => string; voxguard: (args: string[], env?: Record<string, string>, onSpawn?: (child: ChildProcess) => void) => Promise<CliResult> } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  let agent: { url: string; close: () => Promise<void> } | undefined
  beforeAll(async () => {
    agent = await startEchoAgent()
  })
  afterAll(() => agent?.close())
  return {
    dir,
    agentUrl: () => {
      if (!agent) throw new Error('the echo agent starts in beforeAll: call agentUrl() inside a test')
      return agent.url
    },
    voxguard: (args, env, onSpawn) => runVoxguard(dir, args, env, onSpawn),
  }
}
