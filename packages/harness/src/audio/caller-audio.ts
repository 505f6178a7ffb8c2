import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { HarnessError } from '../harness-error.ts'
import { encodeMulaw } from './mulaw.ts'
import { wavToMulaw8k } from './read-wav.ts'

/**
 * Caller audio for the Twilio transport, as 8 kHz μ-law: read from a WAV file or
 * synthesised with espeak-ng and resampled to 8 kHz by sox. Results are cached per
 * (file) and per (language, text), so a thousand calls synthesise each sentence once.
 */
export class CallerAudio {
  readonly #cache = new Map<string, Promise<Buffer>>()

  /** The audio of a turn: `file` when given, else synthesised `text`. */
  get(text: string, language: string, file?: string, signal?: AbortSignal): Promise<Buffer> {
    const key = file ? `file\0${file}` : `tts\0${language}\0${text}`
    let cached = this.#cache.get(key)
    if (!cached) {
      cached = file ? readFile(file).then((wav) => wavToMulaw8k(wav, file)) : synthesizeSpeech(text, language, signal)
      cached.catch(() => this.#cache.delete(key))
      this.#cache.set(key, cached)
    }
    return cached
  }
}

/** espeak-ng → sox (8 kHz, 16-bit, mono, raw) → μ-law. */
export async function synthesizeSpeech(text: string, language: string, signal?: AbortSignal): Promise<Buffer> {
  const pcm = await pipeline(
    ['espeak-ng', ['-v', language, '--stdin', '--stdout']],
    ['sox', ['-V1', '-t', 'wav', '-', '-t', 'raw', '-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-L', '-']],
    text,
    signal,
  )
  const samples = new Int16Array(Math.floor(pcm.length / 2))
  for (let index = 0; index < samples.length; index++) samples[index] = pcm.readInt16LE(index * 2)
  return encodeMulaw(samples)
}

function pipeline(first: [string, string[]], second: [string, string[]], input: string, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = signal ? { signal } : {}
    const producer = spawn(first[0], first[1], { ...options, stdio: ['pipe', 'pipe', 'pipe'] })
    const consumer = spawn(second[0], second[1], { ...options, stdio: ['pipe', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    const errors: string[] = []
    let failed = false
    const fail = (tool: string, error: Error & { code?: string }) => {
      if (failed) return
      failed = true
      producer.kill()
      consumer.kill()
      const missing = error.code === 'ENOENT'
      reject(new HarnessError('audio_tool_failed', missing ? `${tool} is not installed; install the Debian packages espeak-ng and sox (scripts/install-system-deps.sh) or give the turn an audio file` : `${tool} failed: ${error.message}`, { cause: error }))
    }
    producer.on('error', (error) => fail(first[0], error))
    consumer.on('error', (error) => fail(second[0], error))
    producer.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()))
    consumer.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()))
    producer.stdout.pipe(consumer.stdin)
    consumer.stdin.on('error', () => {})
    producer.stdin.on('error', () => {})
    consumer.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    consumer.on('close', (code) => {
      if (failed) return
      if (code !== 0) return fail(second[0], new Error(`exit code ${code}: ${errors.join('').trim().slice(0, 300)}`))
      const output = Buffer.concat(chunks)
      if (output.length === 0) return fail(first[0], new Error(`produced no audio: ${errors.join('').trim().slice(0, 300)}`))
      resolve(output)
    })
    producer.stdin.end(input)
  })
}
