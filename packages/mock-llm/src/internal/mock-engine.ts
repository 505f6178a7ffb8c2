import type { KnowledgeBase } from '@voxguard/knowledge'
import type { ChaosProfile, TargetBehaviour } from '../chaos-profile.ts'
import type { GroundTruthRecord, TransportFaultRecord } from '../ground-truth-record.ts'
import { answerChatRequest } from './brain/answer-chat-request.ts'
import { bedrockErrorResponse, bedrockErrorType } from './bedrock/bedrock-error-response.ts'
import { readBedrockRequest } from './bedrock/read-bedrock-request.ts'
import { renderBedrockResponse } from './bedrock/render-bedrock-response.ts'
import { splitIntoTokens, type ChatRequest } from './chat-request.ts'
import { openAiErrorResponse, type ErrorDetail, type ErrorStatus } from './openai/openai-error-response.ts'
import { BadRequestBody, readOpenAiRequest } from './openai/read-openai-request.ts'
import { renderOpenAiResponse } from './openai/render-openai-response.ts'
import { formatResetDuration, RateLimitWindow } from './rate-limit-window.ts'
import type { ResponsePlan } from './response-plan.ts'
import { routeRequest, type Protocol, type RouteMatch } from './route-request.ts'
import { sampleDuration } from './sample-duration.ts'
import { requestRandom, type RandomSource } from './seeded-random.ts'
import { waitForAbort } from './sleep.ts'

/** What the engine needs: the profile, the brain's knowledge and where faults are reported. */
export interface MockEngineSettings {
  profile: ChaosProfile
  knowledgeBase: KnowledgeBase | undefined
  /** Monotonic clock in ms (default `performance.now`). */
  nowMs: () => number
  onRecord: (record: GroundTruthRecord) => void
}

/** The protocol-independent core shared by the HTTP server and the msw handlers. */
export interface MockEngine {
  readonly targetNames: readonly string[]
  readonly defaultTarget: string
  /** Which target and protocol a request is for; undefined when the mock does not serve the path. */
  route(request: Request): RouteMatch | undefined
  /**
   * Answers a routed request. `Response.error()` means "drop the connection" (refuse,
   * or a hang the client gave up on); a body stream that errors means "cut mid-answer".
   */
  handle(request: Request, route: RouteMatch, signal: AbortSignal): Promise<Response>
}

interface TargetState {
  behaviour: TargetBehaviour
  requestCount: number
  limits: RateLimitWindow
}

/** Builds the engine. The outage timeline and rate-limit windows start now. */
export function createMockEngine(settings: MockEngineSettings): MockEngine {
  const { profile } = settings
  const startedAtMs = settings.nowMs()
  const targetNames = Object.keys(profile.targets)
  const nameSet = new Set(targetNames)
  const defaultTarget = profile.defaultTarget ?? targetNames[0]!
  const states = new Map<string, TargetState>(
    Object.entries(profile.targets).map(([name, behaviour]) => [
      name,
      { behaviour, requestCount: 0, limits: new RateLimitWindow(behaviour.rpm, behaviour.tpm, behaviour.rateLimitWindowMs) },
    ]),
  )

  function route(request: Request): RouteMatch | undefined {
    if (request.method !== 'POST') return undefined
    return routeRequest(new URL(request.url).pathname, nameSet, defaultTarget)
  }

  async function handle(request: Request, match: RouteMatch, signal: AbortSignal): Promise<Response> {
    const state = states.get(match.target)!
    const { behaviour } = state
    const { protocol } = match
    const authProblem = checkAuth(request, match)
    if (authProblem !== undefined) {
      const message = authProblem === 404 ? 'Resource not found: the api-version query parameter is required.' : undefined
      return errorResponse(protocol, authProblem, {}, { message })
    }
    let chatRequest: ChatRequest
    try {
      const body: unknown = await request.json().catch(() => {
        throw new BadRequestBody('We could not parse the JSON body of your request.')
      })
      chatRequest =
        protocol === 'bedrock'
          ? readBedrockRequest(body, match.modelId ?? '', match.operation === 'converse-stream')
          : readOpenAiRequest(body, match.deployment)
    } catch (error) {
      if (!(error instanceof BadRequestBody)) throw error
      return errorResponse(protocol, 400, {}, { message: error.message, param: error.param })
    }

    state.requestCount += 1
    const requestId = `mock-${match.target}-${state.requestCount}`
    const random = requestRandom(profile.seed, match.target, state.requestCount)
    const idHeaders = requestIdHeaders(protocol, requestId)
    const nowMs = settings.nowMs()
    const elapsedMs = nowMs - startedAtMs
    const fault = (fields: Pick<TransportFaultRecord, 'kind'> & Partial<TransportFaultRecord>) =>
      settings.onRecord({ ...recordBase(requestId, match, elapsedMs), stream: chatRequest.stream, ...fields })

    // Draw the request's fate first, in a fixed order, so it never depends on the path taken.
    const fateDraw = random()
    const endingDraw = random()
    const breakDraw = random()

    const outage = behaviour.outages.find((window) => elapsedMs >= window.fromMs && elapsedMs < window.toMs)
    if (outage) {
      if (outage.mode === 'refuse' || outage.mode === 'hang') {
        fault({ kind: 'outage', outageMode: outage.mode })
        if (outage.mode === 'hang') await waitForAbort(signal)
        return Response.error()
      }
      fault({ kind: 'outage', outageMode: outage.mode, status: outage.mode, errorType: errorTypeOf(protocol, outage.mode) })
      return errorResponse(protocol, outage.mode, idHeaders, { model: chatRequest.model, retryAfterMs: behaviour.retryAfterMs }, behaviour)
    }

    const reply = answerChatRequest(chatRequest, settings.knowledgeBase, {
      random,
      hallucinationRate: behaviour.hallucinationRate,
      requestId,
    })
    const tokens = splitIntoTokens(reply.kind === 'text' ? reply.text : JSON.stringify(reply.call.arguments))
    if (tokens.length === 0) tokens.push('')

    const decision = state.limits.take(elapsedMs, chatRequest.promptTokens + tokens.length)
    if (!decision.allowed) {
      fault({ kind: 'rate-limit', status: 429, errorType: errorTypeOf(protocol, 429) })
      const headers = { ...idHeaders, ...decision.headers, ...retryHeaders(protocol, decision.resetMs) }
      const detail = { limitKind: decision.limitKind, retryAfterMs: decision.resetMs, model: chatRequest.model }
      return errorResponse(protocol, 429, headers, detail)
    }

    const { errors } = behaviour
    const fates: [number, ErrorStatus | 'hang'][] = [
      [errors.rate429, 429],
      [errors.rate500, 500],
      [errors.rate503, 503],
      [errors.modelTimeout, 408],
      [behaviour.hangRate, 'hang'],
    ]
    let threshold = 0
    for (const [rate, fate] of fates) {
      threshold += rate
      if (fateDraw >= threshold) continue
      if (fate === 'hang') {
        fault({ kind: 'hang' })
        await waitForAbort(signal)
        return Response.error()
      }
      fault({ kind: 'error', status: fate, errorType: errorTypeOf(protocol, fate) })
      return errorResponse(protocol, fate, idHeaders, { model: chatRequest.model, retryAfterMs: behaviour.retryAfterMs }, behaviour)
    }

    let ending: ResponsePlan['ending'] = 'complete'
    if (endingDraw < behaviour.cutRate) ending = 'cut'
    else if (chatRequest.stream && endingDraw < behaviour.cutRate + errors.inStream) ending = 'in-stream-error'
    if (ending === 'cut') fault({ kind: 'cut', status: 200 })
    if (ending === 'in-stream-error') {
      fault({ kind: 'error', status: 200, errorType: protocol === 'bedrock' ? errors.inStreamType : 'server_error' })
    }
    if (reply.kind === 'text' && reply.hallucination) {
      settings.onRecord({ ...recordBase(requestId, match, elapsedMs), kind: 'hallucination', ...reply.hallucination, replyText: reply.text })
    }

    const plan: ResponsePlan = {
      requestId,
      target: match.target,
      request: chatRequest,
      reply,
      tokens,
      ttftMs: sampleDuration(behaviour.ttftMs, random),
      interTokenMs: tokens.map(() => interTokenMs(behaviour, random)),
      ending,
      breakAfterTokens: Math.min(tokens.length - 1, Math.floor(breakDraw * tokens.length)),
      inStreamType: errors.inStreamType,
      headers: { ...idHeaders, ...decision.headers },
      startedAtMs: nowMs,
    }
    return protocol === 'bedrock' ? renderBedrockResponse(plan, signal) : renderOpenAiResponse(plan, signal)
  }

  return { targetNames, defaultTarget, route, handle }
}

function recordBase(requestId: string, match: RouteMatch, elapsedMs: number) {
  return {
    schema: 'voxguard.mock-ground-truth' as const,
    version: 1 as const,
    requestId,
    target: match.target,
    protocol: match.protocol,
    at: new Date().toISOString(),
    elapsedMs: Math.round(elapsedMs),
  }
}

function interTokenMs(behaviour: TargetBehaviour, random: RandomSource): number {
  if (behaviour.tokensPerSecond !== undefined) return Math.round(1000 / behaviour.tokensPerSecond)
  return behaviour.interTokenMs === undefined ? 0 : sampleDuration(behaviour.interTokenMs, random)
}

function requestIdHeaders(protocol: Protocol, requestId: string): Record<string, string> {
  if (protocol === 'bedrock') return { 'x-amzn-requestid': requestId }
  if (protocol === 'azure') return { 'x-request-id': requestId, 'apim-request-id': requestId }
  return { 'x-request-id': requestId }
}

function retryHeaders(protocol: Protocol, waitMs: number): Record<string, string> {
  if (protocol === 'bedrock') return {}
  const headers: Record<string, string> = { 'retry-after': String(Math.ceil(waitMs / 1000)), 'retry-after-ms': String(Math.round(waitMs)) }
  if (protocol === 'azure') headers['x-ms-retry-after-ms'] = String(Math.round(waitMs))
  return headers
}

function errorTypeOf(protocol: Protocol, status: ErrorStatus): string {
  if (protocol === 'bedrock') return bedrockErrorType(status)
  return status === 429 ? 'rate_limit_exceeded' : status === 408 ? 'timeout' : 'server_error'
}

/**
 * The error response for a protocol. A 429 caused by chaos (not by the enforced limit)
 * carries `retry-after`/`retry-after-ms` from `retryAfterMs` and says the request budget
 * is exhausted (`x-ratelimit-remaining-requests: 0`).
 */
function errorResponse(
  protocol: Protocol,
  status: ErrorStatus | 403,
  headers: Record<string, string>,
  detail: ErrorDetail,
  behaviour?: TargetBehaviour,
): Response {
  if (protocol === 'bedrock') return bedrockErrorResponse(status, headers, detail.message)
  let allHeaders = headers
  if (status === 429 && behaviour !== undefined) {
    allHeaders = {
      ...headers,
      ...retryHeaders(protocol, behaviour.retryAfterMs),
      'x-ratelimit-limit-requests': String(behaviour.rpm ?? 10_000),
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': formatResetDuration(behaviour.retryAfterMs),
    }
  }
  return openAiErrorResponse(protocol, status === 403 ? 401 : status, allHeaders, detail)
}

function checkAuth(request: Request, match: RouteMatch): ErrorStatus | 403 | undefined {
  const authorization = request.headers.get('authorization') ?? ''
  if (match.protocol === 'openai') return /^Bearer \S/.test(authorization) ? undefined : 401
  if (match.protocol === 'azure') {
    if (match.deployment !== undefined && !new URL(request.url).searchParams.has('api-version')) return 404
    return request.headers.get('api-key') || /^Bearer \S/.test(authorization) ? undefined : 401
  }
  return /^(AWS4-HMAC-SHA256 |Bearer \S)/.test(authorization) ? undefined : 403
}
