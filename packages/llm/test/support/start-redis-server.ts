import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Why fleet tests cannot run here, or `undefined` when `redis-server` is installed. Under CI=true its absence throws. */
export function redisServerMissing(): string | undefined {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0) return undefined
  const message = 'redis-server not found: install the Debian package redis-server (scripts/install-system-deps.sh does)'
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run the fleet tests`)
  return message
}

export interface RedisServer {
  port: number
  /** `redis://127.0.0.1:<port>` */
  url: string
  /** SIGKILL (a crash: nothing saved); resolves once the process is gone. */
  kill(): Promise<void>
  /** Starts it again on the same port, empty. */
  start(): Promise<void>
}

/**
 * A real `redis-server` on a free loopback port, in a temporary directory, persisting
 * nothing (`--save ''`, no AOF). Stop it with `kill()`; the test file's `afterAll` must.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const directory = mkdtempSync(join(tmpdir(), 'voxguard-redis-'))
  let child: ChildProcess | undefined
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: async () => {
      const running = child
      child = undefined
      if (running === undefined || running.exitCode !== null) return
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
      running.kill('SIGKILL')
      await exited
    },
    start: async () => {
      const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory, '--loglevel', 'notice'], { stdio: ['ignore', 'pipe', 'inherit'] })
      child = started
      await new Promise<void>((resolve, reject) => {
        let output = ''
        started.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          if (output.includes('Ready to accept connections')) resolve()
        })
        started.once('exit', (code) => reject(new Error(`redis-server exited with ${String(code)} before it was ready: ${output.slice(-500)}`)))
      })
      started.stdout?.resume()
    },
  }
  await server.start()
  process.once('exit', () => {
    child?.kill('SIGKILL')
    rmSync(directory, { recursive: true, force: true })
  })
  return server
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}
