import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { z } from 'zod'

/** The agent's configuration (agent.yaml), after environment overrides; paths are absolute. */
export interface AgentConfig {
  port: number
  host: string
  knowledgeBase: string
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  /** Agent event log file (JSONL, docs/protocol.md), absolute; undefined: none. */
  eventLog: string | undefined
  conversation: { turnDeadlineMs: number; hangupOnGoodbye: boolean; repromptAfterSilenceMs: number; timeZone: string; appointmentBook: 'shared' | 'per-call' }
  speech: {
    recognizer: 'pocketsphinx' | 'openai' | 'none'
    synthesizer: 'espeak-ng' | 'openai' | 'none'
    /** Used by the `openai` engines; `apiKey` is resolved ('' when no OpenAI engine is chosen and no key is set). */
    openai: OpenAiSpeechConfig
  }
  llm: {
    mode: 'auto' | 'mock' | 'real'
    mockProfile: string
    targets: Record<string, Record<string, unknown>>
    routes: Record<string, Record<string, unknown>>
  }
}

/** agent.yaml `speech.openai`: settings of the OpenAI recogniser and synthesiser. */
export interface OpenAiSpeechConfig {
  /** Default: the OPENAI_API_KEY environment variable. */
  apiKey: string
  /** Default: the SDK's (https://api.openai.com/v1). */
  baseURL: string | undefined
  transcriptionModel: string
  language: string | undefined
  speechModel: string
  voice: string
  instructions: string | undefined
  timeoutMs: number
}

const httpUrl = z.string().refine((value) => value === '' || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)), 'must be an http(s) URL')

const openAiSpeechSchema = z.strictObject({
  apiKey: z.string().optional(),
  baseURL: httpUrl.optional(),
  transcriptionModel: z.string().min(1).default('gpt-4o-mini-transcribe'),
  language: z.string().optional(),
  speechModel: z.string().min(1).default('gpt-4o-mini-tts'),
  voice: z.string().min(1).default('alloy'),
  instructions: z.string().optional(),
  timeoutMs: z.number().positive().default(10_000),
})

const schema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(8080),
  host: z.string().default('127.0.0.1'),
  knowledgeBase: z.string().default('./knowledge.yaml'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  eventLog: z.string().default(''),
  conversation: z
    .strictObject({
      turnDeadlineMs: z.number().positive().default(6000),
      hangupOnGoodbye: z.boolean().default(true),
      repromptAfterSilenceMs: z.number().positive().default(4000),
      timeZone: z.string().default('Asia/Tokyo'),
      appointmentBook: z.enum(['shared', 'per-call']).default('shared'),
    })
    .prefault({}),
  speech: z
    .strictObject({
      recognizer: z.enum(['pocketsphinx', 'openai', 'none']).default('pocketsphinx'),
      synthesizer: z.enum(['espeak-ng', 'openai', 'none']).default('espeak-ng'),
      openai: openAiSpeechSchema.prefault({}),
    })
    .prefault({}),
  llm: z.strictObject({
    mode: z.enum(['auto', 'mock', 'real']).default('auto'),
    mockProfile: z.string().default('./profiles/calm.yaml'),
    targets: z.record(z.string(), z.record(z.string(), z.unknown())),
    routes: z.record(z.string(), z.record(z.string(), z.unknown())),
  }),
})

/** Environment variables that override agent.yaml (documented in the README). */
export const ENVIRONMENT_OVERRIDES: Record<string, string> = {
  CLINIC_AGENT_PORT: 'port',
  CLINIC_AGENT_HOST: 'host',
  CLINIC_AGENT_LOG_LEVEL: 'logLevel',
  CLINIC_AGENT_EVENT_LOG: 'eventLog',
  CLINIC_AGENT_LLM_MODE: 'llm.mode',
  CLINIC_AGENT_MOCK_PROFILE: 'llm.mockProfile',
  CLINIC_AGENT_TURN_DEADLINE_MS: 'conversation.turnDeadlineMs',
  CLINIC_AGENT_SPEECH_RECOGNIZER: 'speech.recognizer',
  CLINIC_AGENT_SPEECH_SYNTHESIZER: 'speech.synthesizer',
}

/** Replaces `${NAME}` with the environment variable (empty when unset) in every string. */
function substituteEnvironment(value: unknown, environment: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => environment[name] ?? '')
  if (Array.isArray(value)) return value.map((item) => substituteEnvironment(item, environment))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteEnvironment(item, environment)]))
  return value
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
  node[keys.at(-1) as string] = value
}

/** Parses agent.yaml text; errors name the file, line or field, and the environment variable. */
export function parseAgentConfig(text: string, file: string, environment: NodeJS.ProcessEnv = process.env): AgentConfig {
  const document = parseDocument(text)
  if (document.errors.length > 0) {
    const first = document.errors[0]
    throw new Error(`${file}:${first?.linePos?.[0]?.line ?? '?'}: invalid YAML: ${first?.message}`)
  }
  const raw = (substituteEnvironment(document.toJS() ?? {}, environment) ?? {}) as Record<string, unknown>
  for (const [variable, path] of Object.entries(ENVIRONMENT_OVERRIDES)) {
    const value = environment[variable]
    if (value === undefined || value === '') continue
    setPath(raw, path, /Ms$|port$/i.test(path) ? Number(value) : value)
  }
  const result = schema.safeParse(raw)
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = issue?.path.join('.') ?? ''
    const variable = Object.entries(ENVIRONMENT_OVERRIDES).find(([, path]) => path === field)?.[0]
    throw new Error(`${file}: field "${field}": ${issue?.message}${variable && environment[variable] ? ` (from the environment variable ${variable})` : ''}`)
  }
  const config = result.data
  const base = dirname(resolve(file))
  return { ...config, eventLog: config.eventLog ? resolve(base, config.eventLog) : undefined, knowledgeBase: resolve(base, config.knowledgeBase), speech: resolveSpeech(config.speech, file, environment), llm: { ...config.llm, mockProfile: resolve(base, config.llm.mockProfile) } }
}

/** Fills the OpenAI key from OPENAI_API_KEY; an OpenAI engine without any key is an error naming the field. */
function resolveSpeech(speech: z.infer<typeof schema>['speech'], file: string, environment: NodeJS.ProcessEnv): AgentConfig['speech'] {
  const { apiKey, baseURL, language, instructions, ...rest } = speech.openai
  const key = apiKey || environment['OPENAI_API_KEY'] || ''
  const user = speech.recognizer === 'openai' ? 'speech.recognizer' : speech.synthesizer === 'openai' ? 'speech.synthesizer' : undefined
  if (user && key === '') {
    throw new Error(`${file}: field "speech.openai.apiKey": ${user} is "openai" but no API key is set; set the environment variable OPENAI_API_KEY (or speech.openai.apiKey, e.g. "\${MY_KEY}")`)
  }
  return { ...speech, openai: { ...rest, apiKey: key, baseURL: baseURL || undefined, language: language || undefined, instructions: instructions || undefined } }
}

export async function loadAgentConfig(file: string, environment: NodeJS.ProcessEnv = process.env): Promise<AgentConfig> {
  return parseAgentConfig(await readFile(file, 'utf8'), file, environment)
}
