import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer as createHttp1Server } from 'node:http'
import { createServer as createHttp2Server } from 'node:http2'
import { createServer as createNetServer, type Socket } from 'node:net'
import { dirname } from 'node:path'
import type { KnowledgeBase } from '@voxguard/knowledge'
import type { ChaosProfile, ChaosProfileInput } from './chaos-profile.ts'
import { loadChaosProfile } from './chaos-profile.ts'
import type { GroundTruthRecord } from './ground-truth-record.ts'
import { createMockEngine } from './internal/mock-engine.ts'
import { resolveEngineInputs } from './internal/resolve-engine-inputs.ts'
import { serveNodeRequest } from './internal/serve-node-request.ts'
import { MockLlmError } from './mock-llm-error.ts'

/** Options of {@link startMockServer}. Every field is optional. */
export interface StartMockServerOptions {
  /** TCP port; 0 picks a free one. Default `0`. */
  port?: number
  /** Address to bind. Default `'127.0.0.1'`. */
  host?: string
  /**
   * Chaos profile: a YAML file path, or a profile object (validated here). Default: one
   * perfect, instant target named `default`.
   */
  profile?: string | ChaosProfile | ChaosProfileInput
  /** Knowledge base for the brain (file path or object). Default: the profile's `knowledgeBase`, else none. */
  knowledgeBase?: string | KnowledgeBase
  /** Ground-truth JSONL file, truncated (its folder created) at start and appended to as faults happen. Default: none. */
  groundTruthFile?: string
  /** Overrides the profile's `seed`. */
  seed?: number
  /** Called with each ground-truth record as it happens. */
  onRecord?: (record: GroundTruthRecord) => void
  /** Closes the server when aborted. */
  signal?: AbortSignal
}

/** Base URLs of one target, ready for each SDK. */
export interface MockEndpoints {
  /** `baseURL` for `new OpenAI({ baseURL })`: `http://127.0.0.1:PORT/{target}/v1`. */
  openai: string
  /** `endpoint` for `new AzureOpenAI({ endpoint })`: `http://127.0.0.1:PORT/{target}`. */
  azure: string
  /** `endpoint` for `new BedrockRuntimeClient({ endpoint })`: `http://127.0.0.1:PORT/{target}`. */
  bedrock: string
}

/** A running mock server. */
export interface MockServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string
  readonly port: number
  /** Target names, in profile order. */
  readonly targets: readonly string[]
  /** Ground-truth records so far (live array, same objects as the JSONL lines). */
  readonly events: readonly GroundTruthRecord[]
  /** SDK base URLs for a target (default: the default target). */
  endpoints(target?: string): MockEndpoints
  /** Stops listening and drops open connections (hanging requests included). */
  close(): Promise<void>
}

const http2Preface = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n')

/**
 * Starts fake OpenAI, Azure OpenAI and Bedrock endpoints on one port (HTTP/1.1 and
 * cleartext HTTP/2, told apart by the connection preface), behaving as the chaos profile says.
 * @throws MockLlmError `profile_invalid`, `knowledge_base_invalid`, `option_invalid` (also an unwritable
 *   `groundTruthFile`), `listen_failed`
 * @example
 * const server = await startMockServer({ profile: 'e2e/profiles/calm.yaml' })
 * const openai = new OpenAI({ apiKey: 'test', baseURL: server.endpoints('openai').openai })
 * // ...
 * await server.close()
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  const port = options.port ?? 0
  const host = options.host ?? '127.0.0.1'
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new MockLlmError('option_invalid', `port: expected a whole number 0–65535, got ${String(options.port)}`, { option: 'port', expected: 'a whole number 0–65535', received: options.port })
  }
  const profileInput = typeof options.profile === 'string' ? await loadChaosProfile(options.profile) : options.profile
  const { profile, knowledgeBase } = resolveEngineInputs(profileInput, options.knowledgeBase, options.seed)

  const events: GroundTruthRecord[] = []
  const groundTruthFile = options.groundTruthFile
  if (groundTruthFile !== undefined) startGroundTruthFile(groundTruthFile)
  const engine = createMockEngine({
    profile,
    knowledgeBase,
    nowMs: () => performance.now(),
    onRecord: (record) => {
      events.push(record)
      if (groundTruthFile !== undefined) appendFileSync(groundTruthFile, `${JSON.stringify(record)}\n`)
      options.onRecord?.(record)
    },
  })

  const handler = (request: Parameters<typeof serveNodeRequest>[1], response: Parameters<typeof serveNodeRequest>[2]) =>
    void serveNodeRequest(engine, request, response)
  const http1 = createHttp1Server({ keepAliveTimeout: 5000 }, handler)
  const http2 = createHttp2Server({}, handler)
  http2.on('sessionError', () => undefined)
  const sockets = new Set<Socket>()
  const server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    socket.setNoDelay(true)
    socket.once('data', (chunk: Buffer) => {
      socket.pause()
      socket.unshift(chunk)
      const length = Math.min(chunk.length, http2Preface.length)
      const isHttp2 = chunk.subarray(0, length).equals(http2Preface.subarray(0, length))
      // HTTP/2 takes over the socket's handle and reads the unshifted bytes itself;
      // HTTP/1.1 reads through the stream, which must flow again.
      if (isHttp2) http2.emit('connection', socket)
      else {
        http1.emit('connection', socket)
        socket.resume()
      }
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new MockLlmError('listen_failed', `Cannot listen on ${host}:${port}: ${error.message}`, { cause: error })))
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const boundPort = typeof address === 'object' && address !== null ? address.port : port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
      http1.closeAllConnections()
      http2.close()
    })
    return closing
  }
  options.signal?.addEventListener('abort', () => void close(), { once: true })

  return {
    url,
    port: boundPort,
    targets: engine.targetNames,
    events,
    endpoints(target = engine.defaultTarget) {
      if (!engine.targetNames.includes(target)) {
        throw new MockLlmError('option_invalid', `target: "${target}" is not one of ${engine.targetNames.join(', ')}`, { option: 'target', expected: `one of ${engine.targetNames.join(', ')}`, received: target })
      }
      const base = `${url}/${encodeURIComponent(target)}`
      return { openai: `${base}/v1`, azure: base, bedrock: base }
    },
    close,
  }
}

/** Creates (or truncates) the ground-truth file, and its folder when missing. */
function startGroundTruthFile(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, '')
  } catch (error) {
    throw new MockLlmError('option_invalid', `groundTruthFile: cannot write ${file}: ${(error as Error).message}`, { cause: error, option: 'groundTruthFile', file })
  }
}
