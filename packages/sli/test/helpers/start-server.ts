import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A free loopback port (the OS picks it; several test runs share this machine). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface StartedServer {
  url: string
  stop(): Promise<void>
}

/** Starts `binary args…` and waits until `readyUrl` answers 200 (or the process dies: its stderr is in the error). */
export async function startServer(binary: string, args: string[], readyUrl: string, timeoutMs = 15_000): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${binary} exited with ${child.exitCode}: ${stderr}`)
    try {
      const response = await fetch(readyUrl)
      if (response.ok) return { child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`${binary} was not ready at ${readyUrl} within ${timeoutMs} ms: ${stderr}`)
}
