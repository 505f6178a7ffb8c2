import type { KnowledgeBase } from '@voxguard/knowledge'
import type { ChaosProfile, TargetBehaviour } from '../chaos-profile.ts'
import type { GroundTruthRecord, TransportFaultRecord } from '../ground-truth-record.ts'
import { azureWireFormat } from './azure/azure-wire-format.ts'
import { BadRequestBody } from './bad-request-body.ts'
import { bedrockWireFormat } from './bedrock/bedrock-wire-format.ts'
import { answerChatRequest } from './brain/answer-chat-request.ts'
import { splitIntoTokens, type ChatRequest } from './chat-request.ts'
import { openAiWireFormat } from './openai/openai-wire-format.ts'
import { RateLimitWindow, type RateLimitSnapshot } from './rate-limit-window.ts'
import type { ResponsePlan } from './response-plan.ts'
import { routeRequest, type Protocol, type RouteMatch } from './route-request.ts'
import { sampleDuration } from './sample-duration.ts'
import { requestRandom, type RandomSource } from './seeded-random.ts'
import { waitForAbort } from './sleep.ts'
import type { ErrorStatus, WireFormat } from './wire-format.ts'

const wireFormats: Record<Protocol, WireFormat> = { openai: openAiWireFormat, azure: azureWireFormat, bedrock: bedrockWireFormat }

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
    const format = wireFormats[match.protocol]
    const refusal = format.refuse(request, match)
    if (refusal !== undefined) return refusal
    let chatRequest: ChatRequest
    try {
      const body: unknown = await request.json().catch(() => {
        throw new BadRequestBody('We could not parse the JSON body of your request.')
      })
      chatRequest = format.readRequest(body, match)
    } catch (error) {
      if (!(error instanceof BadRequestBody)) throw error
      return format.errorResponse(400, {}, { message: error.message, param: error.param })
    }

    state.requestCount += 1
    const requestId = `mock-${match.target}-${state.requestCount}`
    const random = requestRandom(profile.seed, match.target, state.requestCount)
    const nowMs = settings.nowMs()
    const elapsedMs = nowMs - startedAtMs
    const fault = (fields: Pick<TransportFaultRecord, 'kind'> & Partial<TransportFaultRecord>) =>
      settings.onRecord({ ...recordBase(requestId, match, elapsedMs), stream: chatRequest.stream, ...fields })
    /** A chaos error (outage window or drawn fate); a 429 says the request budget is spent for `retryAfterMs`. */
    const chaosError = (status: ErrorStatus, rateLimit: RateLimitSnapshot | undefined) => {
      const announced = status === 429 ? exhaustedRequests(rateLimit ?? state.limits.peek(elapsedMs), behaviour.retryAfterMs) : rateLimit
      const detail = { model: chatRequest.model, retryAfterMs: behaviour.retryAfterMs }
      return format.errorResponse(status, format.headers(requestId, announced), detail)
    }

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
      fault({ kind: 'outage', outageMode: outage.mode, status: outage.mode, errorType: format.errorType(outage.mode) })
      return chaosError(outage.mode, state.limits.enforced ? state.limits.peek(elapsedMs) : undefined)
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
      fault({ kind: 'rate-limit', status: 429, errorType: format.errorType(429) })
      const detail = { limitKind: decision.limitKind, retryAfterMs: decision.resetMs, model: chatRequest.model }
      return format.errorResponse(429, format.headers(requestId, decision.snapshot), detail)
    }
    const rateLimit = state.limits.enforced ? decision.snapshot : undefined

    const { errors } = behaviour
    const fates: [number, ErrorStatus | 'content-filter' | 'hang'][] = [
      [errors.rate429, 429],
      [errors.rate500, 500],
      [errors.rate503, 503],
      [errors.modelTimeout, 408],
      [errors.contentFilter, 'content-filter'],
      [behaviour.hangRate, 'hang'],
    ]
    let threshold = 0
    let filtered = false
    for (const [rate, fate] of fates) {
      threshold += rate
      if (fateDraw >= threshold) continue
      if (fate === 'hang') {
        fault({ kind: 'hang' })
        await waitForAbort(signal)
        return Response.error()
      }
      if (fate === 'content-filter') {
        fault({ kind: 'error', status: format.contentFilter.status, errorType: format.contentFilter.errorType })
        if (format.contentFilterResponse) return format.contentFilterResponse(format.headers(requestId, rateLimit))
        filtered = true
        break
      }
      fault({ kind: 'error', status: fate, errorType: format.errorType(fate) })
      return chaosError(fate, rateLimit)
    }

    let ending: ResponsePlan['ending'] = 'complete'
    if (filtered) ending = 'content-filter'
    else if (endingDraw < behaviour.cutRate) ending = 'cut'
    else if (chatRequest.stream && endingDraw < behaviour.cutRate + errors.inStream) ending = 'in-stream-error'
    if (ending === 'cut') fault({ kind: 'cut', status: 200 })
    if (ending === 'in-stream-error') fault({ kind: 'error', status: 200, errorType: format.inStreamErrorType(errors.inStreamType) })
    if (reply.kind === 'text' && reply.hallucination && !filtered) {
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
      headers: format.headers(requestId, rateLimit),
      startedAtMs: nowMs,
    }
    return format.render(plan, signal)
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

/** The state a 429 announces: no request left until `retryAfterMs` from now. */
function exhaustedRequests(state: RateLimitSnapshot, retryAfterMs: number): RateLimitSnapshot {
  return { ...state, remainingRequests: 0, resetRequestsMs: retryAfterMs }
}
