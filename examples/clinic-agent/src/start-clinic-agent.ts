import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { fillTemplate, loadKnowledgeBase } from '@voxguard/knowledge'
import { createLlmClient } from '@voxguard/llm'
import { startMockServer, type MockServer } from '@voxguard/mock-llm'
import { WebSocketServer } from 'ws'
import { loadAgentConfig, type AgentConfig } from './agent-config.ts'
import type { AgentContext } from './agent-context.ts'
import { AgentEventLog } from './agent-event-log.ts'
import { AgentMetrics } from './agent-metrics.ts'
import { AppointmentStore } from './appointment-store.ts'
import { Conversation } from './conversation.ts'
import { createLogger, type LogLevel } from './logger.ts'
import { openingHoursFrom } from './opening-hours.ts'
import { GREETING_TEMPLATE } from './prompts.ts'
import { effectiveLlmMode, resolveLlmTargets } from './resolve-llm-targets.ts'
import { createSpeech } from './create-speech.ts'
import { handleTextCall } from './text-call-handler.ts'
import { handleTwilioCall } from './twilio-call-handler.ts'

/** The agent.yaml shipped with the example. */
export const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../agent.yaml', import.meta.url))

export interface StartClinicAgentOptions {
  /** Configuration file. Default: the example's agent.yaml. */
  configFile?: string
  /** Overrides agent.yaml `port` (0 = any free port). */
  port?: number
  /** Overrides agent.yaml `host`. */
  host?: string
  /** Mock chaos profile file; overrides `llm.mockProfile` (and implies mock mode unless `llmMode` says otherwise). */
  profile?: string
  /** Overrides `llm.mode`. */
  llmMode?: AgentConfig['llm']['mode']
  /** Overrides `logLevel`. */
  logLevel?: LogLevel
  /** Where log lines go. Default: stderr. */
  logWrite?: (line: string) => void
  /** Environment for `${NAME}` and overrides. Default: process.env. */
  environment?: NodeJS.ProcessEnv
  /** Speech engines for /twilio. Default: from agent.yaml `speech` (pocketsphinx + espeak-ng). */
  speech?: AgentContext['speech'] | 'none'
  /** Agent event log file (JSONL, docs/protocol.md); overrides agent.yaml `eventLog`. Default: none. */
  eventLog?: string
  /** Clock for "today" in bookings. Default: `() => new Date()`. */
  now?: () => Date
  /** Overrides agent.yaml `conversation.appointmentBook`: `per-call` gives every call its own empty book (test runs that repeat booking scripts concurrently). */
  appointmentBook?: AgentConfig['conversation']['appointmentBook']
  /** Mock mode only: where the mock providers log every fault and hallucination they inject (JSONL, started anew). Default: not logged. */
  groundTruthFile?: string
}

export interface ClinicAgent {
  /** `http://host:port`; WebSockets at `/text` and `/twilio`, plus `/healthz` and `/metrics`. */
  url: string
  /** The appointment book (tests inspect it). */
  store: AppointmentStore
  metrics: AgentMetrics
  /** Which providers answer: the in-process mock or real ones. */
  llmMode: 'mock' | 'real'
  /** Base URL of the in-process mock LLM server (mock mode only). */
  mockUrl: string | undefined
  close(): Promise<void>
}

/** Starts the clinic agent: HTTP + WebSocket server, LLM client, (mock providers), speech. */
export async function startClinicAgent(options: StartClinicAgentOptions = {}): Promise<ClinicAgent> {
  const environment = options.environment ?? process.env
  const config = await loadAgentConfig(options.configFile ?? DEFAULT_CONFIG_FILE, environment)
  const logger = createLogger({ level: options.logLevel ?? config.logLevel, write: options.logWrite })
  const knowledgeBase = await loadKnowledgeBase(config.knowledgeBase)
  if (!knowledgeBase.intents['fallback']) throw new Error(`${config.knowledgeBase}: field "intents.fallback" is required (the reply when nothing matches)`)
  const greeting = fillTemplate(GREETING_TEMPLATE, knowledgeBase)
  const llmMode = effectiveLlmMode(options.llmMode ?? (options.profile ? 'mock' : config.llm.mode), environment)
  const metrics = new AgentMetrics()
  let mock: MockServer | undefined
  const cleanups: Array<() => unknown> = []
  try {
    if (llmMode === 'mock') {
      mock = await startMockServer({ port: 0, profile: options.profile ?? config.llm.mockProfile, knowledgeBase: config.knowledgeBase, ...(options.groundTruthFile === undefined ? {} : { groundTruthFile: options.groundTruthFile }) })
      cleanups.push(() => mock?.close())
    }
    const { targets, routes, dropped } = resolveLlmTargets({ ...config.llm, mockProfile: options.profile ?? config.llm.mockProfile }, llmMode, mock, environment)
    if (dropped.length > 0) logger.warn('llm targets left out: no credentials', { targets: dropped })
    const llm = createLlmClient({
      targets,
      routes,
      onEvent: (event) => {
        metrics.recordLlmEvent(event)
        logger.debug('llm event', { ...event })
      },
    })
    cleanups.push(() => llm.close())
    const prices = knowledgeBase.facts['prices_yen']
    const createStore = () =>
      new AppointmentStore({
        hours: openingHoursFrom(knowledgeBase),
        treatments: typeof prices === 'object' ? Object.keys(prices) : ['checkup'],
        timeZone: config.conversation.timeZone,
        now: options.now,
      })
    const store = createStore()
    const perCall = (options.appointmentBook ?? config.conversation.appointmentBook) === 'per-call'
    const conversationOptions = { llm, knowledgeBase, store, turnDeadlineMs: config.conversation.turnDeadlineMs, hangupOnGoodbye: config.conversation.hangupOnGoodbye, timeZone: config.conversation.timeZone, now: options.now }
    const context: AgentContext = {
      conversation: conversationOptions,
      store,
      startConversation: (logger) => new Conversation({ ...conversationOptions, ...(perCall ? { store: createStore() } : {}), logger }),
      logger,
      metrics,
      repromptAfterSilenceMs: config.conversation.repromptAfterSilenceMs,
    }
    const eventLogFile = options.eventLog ?? config.eventLog
    if (eventLogFile) context.eventLog = new AgentEventLog(eventLogFile)
    if (options.speech !== 'none') {
      context.speech = options.speech ?? (await createSpeech(config.speech, knowledgeBase, greeting, logger))
    }

    const sockets = new WebSocketServer({ noServer: true })
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = new URL(request.url ?? '/', 'http://agent').pathname
      if (path === '/healthz') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', llmMode, twilio: Boolean(context.speech) }))
      } else if (path === '/metrics') {
        metrics.registry.metrics().then(
          (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
          (error: unknown) => response.writeHead(500).end(String(error)),
        )
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: use /text or /twilio (WebSocket), /healthz or /metrics\n')
      }
    })
    server.on('upgrade', (request, socket, head) => {
      const path = new URL(request.url ?? '/', 'http://agent').pathname
      if (path !== '/text' && path !== '/twilio') {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
        return
      }
      sockets.handleUpgrade(request, socket, head, (webSocket) => (path === '/text' ? handleTextCall(webSocket, context) : handleTwilioCall(webSocket, context)))
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? config.port, options.host ?? config.host, () => resolve())
    })
    const address = server.address() as AddressInfo
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
    const url = `http://${host}:${address.port}`
    logger.info('clinic agent listening', { url, llmMode, mockUrl: mock?.url, twilio: Boolean(context.speech) })
    return {
      url,
      store,
      metrics,
      llmMode,
      mockUrl: mock?.url,
      async close() {
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        for (const cleanup of cleanups.reverse()) await cleanup()
      },
    }
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup()
    throw error
  }
}
