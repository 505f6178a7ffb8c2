import { spawn } from 'node:child_process'
import { SpeechError } from './speech-error.ts'

export interface RunProcessOptions {
  /** Bytes written to the process's stdin (then closed). */
  input?: Uint8Array | string
  signal: AbortSignal
  /** Killed after this long. Default 10000. */
  timeoutMs?: number
}

/**
 * Runs an executable without a shell and collects stdout. A missing executable, a
 * non-zero exit, a timeout or an abort rejects with a `SpeechError` naming the program
 * (and, for a missing one, the Debian package that ships it).
 */
export function runSpeechProcess(command: string, args: string[], debianPackage: string, options: RunProcessOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs ?? 10_000)])
    const child = spawn(command, args, { signal, stdio: ['pipe', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.stdin.on('error', () => {})
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new SpeechError('speech_engine_failed', `not installed (apt-get install ${debianPackage})`, { engine: command, cause: error }))
      else if (error.name === 'AbortError') reject(options.signal.aborted ? new SpeechError('speech_aborted', 'aborted', { engine: command, cause: error }) : new SpeechError('speech_timed_out', `timed out after ${options.timeoutMs ?? 10_000} ms`, { engine: command, cause: error }))
      else reject(new SpeechError('speech_engine_failed', error.message, { engine: command, cause: error }))
    })
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout))
      else if (code !== null) reject(new SpeechError('speech_engine_failed', `exited with code ${code}: ${Buffer.concat(stderr).toString('utf8').trim().slice(0, 300)}`, { engine: command }))
    })
    child.stdin.end(options.input ?? '')
  })
}
