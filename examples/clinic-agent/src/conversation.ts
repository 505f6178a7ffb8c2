import { detectLanguage, fillTemplate, replyTemplateFor, type KnowledgeBase } from '@voxguard/knowledge'
import { AGENT_EVENTS } from '@voxguard/harness'
import { LlmError, type ChatMessage, type ToolCall } from '@voxguard/llm'
import type { AppointmentStore } from './appointment-store.ts'
import { CLINIC_TOOLS, parseToolArguments, runClinicTool, type ToolResult } from './clinic-tools.ts'
import { failureKind, fallbackFromAttempts, type ConversationLlm, type LlmRequest } from './conversation-llm.ts'
import type { Logger } from './logger.ts'
import { matchIntentByKeywords } from './match-intent-by-keywords.ts'
import { todayIn, weekdayOf } from './parse-appointment-time.ts'
import { answerPrompt, cannedLine, classifyPrompt, confirmPrompt, GREETING_TEMPLATE, type CannedLine } from './prompts.ts'

export type CallerInput = { type: 'text'; text: string } | { type: 'dtmf'; digits: string }

/** What one turn produces, in order; transports turn it into protocol messages or audio. */
export type TurnOutput =
  | { type: 'text'; text: string; canned?: CannedLine }
  | { type: 'tool-call'; name: string; arguments: Record<string, unknown>; result: ToolResult }
  | { type: 'event'; name: string; data: Record<string, unknown> }
  | { type: 'hangup'; reason: string }

/** Dialogue state: `offered-handoff` after an apology (a "yes" then transfers without a model). */
export type ConversationState = 'listening' | 'offered-handoff' | 'handed-off' | 'ended'

export interface ConversationOptions {
  llm: ConversationLlm
  knowledgeBase: KnowledgeBase
  store: AppointmentStore
  logger: Logger
  /** Route names of the three workflow steps. Default classify / answer / confirm. */
  routes?: { classify?: string; answer?: string; confirm?: string }
  /** Whole-turn budget across all steps; past it the agent apologises. Default 6000. */
  turnDeadlineMs?: number
  /** Caller/agent messages kept as context. Default 12. */
  historyMessages?: number
  /** End the call after the goodbye intent. Default true. */
  hangupOnGoodbye?: boolean
  /** The clinic's time zone for "today". Default 'Asia/Tokyo'. */
  timeZone?: string
  now?: () => Date
}

const AFFIRMATIVE = /\b(yes|yeah|yep|sure|please|ok|okay|receptionist|human|person)\b|はい|お願い|ええ|つないで/i
const NEGATIVE = /\b(no|nope|not now|no thanks)\b|いいえ|結構|大丈夫/i
/** A reply that ends by offering a person ("Would you like me to connect you to a receptionist?"). */
const OFFERS_RECEPTIONIST = /(connect you to (?:a|our) receptionist\?|おつなぎしましょうか？)\s*$/i
/** Longest reply (in words) taken as a yes/no to the hand-off offer. */
const ANSWER_TO_OFFER_MAX_WORDS = 4
/** The same for Japanese, which has no spaces between words ("はい、お願いします"). */
const ANSWER_TO_OFFER_MAX_JAPANESE_CHARACTERS = 12

/** One call's dialogue: the classify → answer → confirm workflow plus the DTMF menu. */
export class Conversation {
  state: ConversationState = 'listening'
  /** Intent of the last text turn (for logs, metrics and tests). */
  lastIntent: string | undefined
  /** The caller's language, from their last words (`en` until they speak): canned lines and keypad replies follow it. */
  language: 'en' | 'ja' = 'en'
  readonly #options: ConversationOptions & { routes: { classify: string; answer: string; confirm: string }; turnDeadlineMs: number }
  readonly #history: ChatMessage[] = []

  constructor(options: ConversationOptions) {
    const turnDeadlineMs = options.turnDeadlineMs ?? 6000
    if (!Number.isFinite(turnDeadlineMs) || turnDeadlineMs <= 0) throw new RangeError(`Conversation: option "turnDeadlineMs" must be a positive number, got ${turnDeadlineMs}`)
    this.#options = { ...options, turnDeadlineMs, routes: { classify: 'classify', answer: 'answer', confirm: 'confirm', ...options.routes } }
  }

  greeting(): string {
    return fillTemplate(GREETING_TEMPLATE, this.#options.knowledgeBase)
  }

  /** Answers one caller input. Stops quietly when `signal` aborts (barge-in, hang-up). */
  async *respond(input: CallerInput, signal: AbortSignal): AsyncGenerator<TurnOutput> {
    if (this.state === 'ended') return
    if (input.type === 'dtmf') {
      yield* this.#dtmf(input.digits)
      return
    }
    const text = input.text.trim()
    this.language = detectLanguage(text)
    if (this.state === 'offered-handoff') {
      this.state = 'listening'
      // Only a short reply answers the hand-off offer ("yes please", "no thanks"); a longer one
      // ("Oh no, I have a meeting then. Please cancel my appointment") is a new request.
      if (text.split(/\s+/).length > ANSWER_TO_OFFER_MAX_WORDS || (this.language === 'ja' && text.length > ANSWER_TO_OFFER_MAX_JAPANESE_CHARACTERS)) {
        yield* this.#workflow(text, signal)
        return
      }
      if (AFFIRMATIVE.test(text) && !NEGATIVE.test(text)) {
        yield* this.#handoff('accepted after an apology')
        return
      }
      if (NEGATIVE.test(text)) {
        yield* this.#say(cannedLine('anythingElse', this.language))
        return
      }
    }
    yield* this.#workflow(text, signal)
  }

  /** A canned line in the caller's language; only the English lines have pre-synthesised audio (the `canned` key). */
  *#sayCanned(line: CannedLine, prefix = ''): Generator<TurnOutput> {
    yield* this.#say(prefix + cannedLine(line, this.language), this.language === 'en' ? line : undefined)
  }

  *#say(text: string, canned?: CannedLine): Generator<TurnOutput> {
    this.#remember({ role: 'assistant', content: text })
    yield canned ? { type: 'text', text, canned } : { type: 'text', text }
  }

  /** A hand-off the agent decides without a model (keypad 0, "yes" after an apology) is the same tool call a model would make. */
  *#handoff(reason: string): Generator<TurnOutput> {
    this.state = 'handed-off'
    const args = { reason }
    yield { type: 'tool-call', name: 'handoff_to_human', arguments: args, result: runClinicTool('handoff_to_human', args, this.#options.store) }
    yield { type: 'event', name: AGENT_EVENTS.handoffHuman, data: { reason } }
    yield* this.#sayCanned('handoff')
    yield* this.#endAfterHandoff()
  }

  /**
   * After a hand-off the agent's part of the call is over: it ends its side (on Twilio,
   * closing the stream lets the call's TwiML go on to the <Dial> that reaches the person),
   * so it never keeps answering as the bot while the caller waits for a human.
   */
  *#endAfterHandoff(): Generator<TurnOutput> {
    this.state = 'ended'
    yield { type: 'hangup', reason: 'transferred to a human' }
  }

  *#dtmf(digits: string): Generator<TurnOutput> {
    const { intents } = this.#options.knowledgeBase
    const digit = digits.trim().charAt(0)
    this.#options.logger.info('dtmf', { digit })
    if (digit === '0') return yield* this.#handoff('caller pressed 0')
    if (digit === '1' && intents['booking']) return yield* this.#say(fillTemplate(replyTemplateFor(intents['booking'], this.language), this.#options.knowledgeBase))
    if (digit === '2' && intents['hours']) return yield* this.#say(fillTemplate(replyTemplateFor(intents['hours'], this.language), this.#options.knowledgeBase))
    yield* this.#sayCanned('dtmfMenu')
  }

  async *#workflow(text: string, signal: AbortSignal): AsyncGenerator<TurnOutput> {
    const started = performance.now()
    const deadline = AbortSignal.timeout(this.#options.turnDeadlineMs)
    const turnSignal = AbortSignal.any([signal, deadline])
    const { routes, knowledgeBase, logger } = this.#options
    let route = routes.classify
    let spoken = ''
    let confirmation = ''
    try {
      const { intent, event } = await this.#classify(text, turnSignal)
      if (event) yield event
      this.lastIntent = intent
      route = routes.answer
      const user: ChatMessage = { role: 'user', content: text }
      const now = (this.#options.now ?? (() => new Date()))()
      const today = todayIn(this.#options.timeZone ?? 'Asia/Tokyo', now)
      const messages: ChatMessage[] = [{ role: 'system', content: answerPrompt(knowledgeBase, { today, weekday: weekdayOf(today), intent }) }, ...this.#history, user]
      const toolCalls: ToolCall[] = []
      for await (const output of this.#streamStep({ route, messages, tools: CLINIC_TOOLS, signal: turnSignal }, toolCalls)) {
        if (output.type === 'text') spoken += output.text
        yield output
      }
      this.#remember(user)
      if (toolCalls.length > 0 && spoken === '') {
        // The model chose a tool without a word: say so at once instead of leaving the caller
        // in silence through the tool and a second model round trip (the confirmation).
        const filler = cannedLine('oneMoment', this.language)
        spoken = filler
        yield this.language === 'en' ? { type: 'text', text: filler, canned: 'oneMoment' } : { type: 'text', text: filler }
      }
      if (toolCalls.length === 0) {
        this.#remember({ role: 'assistant', content: spoken })
      } else {
        const results: ChatMessage[] = []
        const outcomes: ToolResult[] = []
        for (const call of toolCalls) {
          const args = parseToolArguments(call.arguments)
          const result: ToolResult = args ? runClinicTool(call.name, args, this.#options.store) : { ok: false, error: `The arguments of ${call.name} were not valid JSON.` }
          logger.info('tool call', { tool: call.name, ok: result.ok })
          yield { type: 'tool-call', name: call.name, arguments: args ?? {}, result }
          if (call.name === 'handoff_to_human' && result.ok) {
            this.state = 'handed-off'
            yield { type: 'event', name: AGENT_EVENTS.handoffHuman, data: { reason: String(result['reason']) } }
          }
          outcomes.push(result)
          results.push({ role: 'tool', content: JSON.stringify(result), toolCallId: call.id })
        }
        route = routes.confirm
        const confirmMessages: ChatMessage[] = [
          { role: 'system', content: confirmPrompt(knowledgeBase) },
          ...this.#history,
          { role: 'assistant', content: spoken, toolCalls },
          ...results,
        ]
        const separator = spoken && !/[\s。？！]$/.test(spoken) ? ' ' : ''
        try {
          for await (const output of this.#streamStep({ route, messages: confirmMessages, signal: turnSignal }, [])) {
            if (output.type === 'text') {
              output.text = confirmation === '' ? separator + output.text : output.text
              confirmation += output.text
            }
            yield output
          }
        } catch (error) {
          if (signal.aborted || confirmation) throw error
          // The tool ran: say its own result sentence rather than apologising for it. The
          // caller is served, so this is evidence of a degraded step, not of a failed call.
          const kind = deadline.aborted ? 'deadline' : failureKind(error)
          logger.warn('confirm failed; saying the tool result', { kind, elapsedMs: Math.round(performance.now() - started) })
          yield { type: 'event', name: AGENT_EVENTS.llmDegraded, data: { route, kind } }
          confirmation = separator + outcomes.map((result) => String(result['message'] ?? result['error'] ?? '')).join(' ')
          yield { type: 'text', text: confirmation }
        }
        spoken += confirmation
        this.#remember({ role: 'assistant', content: spoken })
      }
      logger.info('turn', { intent, elapsedMs: Math.round(performance.now() - started), tools: toolCalls.map((call) => call.name) })
      if (this.state === 'handed-off') {
        yield* this.#endAfterHandoff()
      } else if (intent === 'goodbye' && (this.#options.hangupOnGoodbye ?? true)) {
        this.state = 'ended'
        yield { type: 'hangup', reason: 'caller said goodbye' }
      } else if (toolCalls.length === 0 && (intent === 'fallback' || OFFERS_RECEPTIONIST.test(spoken))) {
        // The knowledge base had no answer and the reply offered a receptionist (whatever the
        // classifier said, or when it was degraded): a short "yes" now transfers the call, as
        // after an apology.
        this.state = 'offered-handoff'
      }
    } catch (error) {
      if (signal.aborted) return
      const said = spoken + confirmation
      yield this.#failureEvent(error, route, deadline, started, said.length)
      this.state = 'offered-handoff'
      yield* this.#sayCanned('apology', said && !/\s$/.test(said) ? ' ' : '')
    }
  }

  /**
   * The agent event for a failed step: `llm.deadline` when time ran out, else `llm.all_failed`.
   * `spokenChars` (when the reply broke off mid-stream) says how much of the turn's text the
   * caller heard before the apology, so a judge can still check what was said.
   */
  #failureEvent(error: unknown, route: string, deadline: AbortSignal, started: number, spokenChars: number): TurnOutput {
    const elapsedMs = Math.round(performance.now() - started)
    this.#options.logger.warn('llm step failed', { route, elapsedMs, error: LlmError.isInstance(error) ? { kind: error.code, message: error.message } : String(error) })
    const spoken = spokenChars > 0 ? { spokenChars } : {}
    if (deadline.aborted || (LlmError.isInstance(error) && error.code === 'deadline')) return { type: 'event', name: AGENT_EVENTS.llmDeadline, data: { route, elapsedMs, ...spoken } }
    return { type: 'event', name: AGENT_EVENTS.llmAllFailed, data: { route, attempts: LlmError.isInstance(error) ? error.attempts.length : 0, ...spoken } }
  }

  /**
   * The `classify` step. When the route fails (rate limits, its tight deadline) the turn
   * degrades instead of apologising: the intent comes from the local keyword classifier and
   * `llm.degraded` tells the judge the classifier was not the model.
   */
  async #classify(text: string, signal: AbortSignal): Promise<{ intent: string | undefined; event?: TurnOutput }> {
    const { knowledgeBase, routes, logger } = this.#options
    try {
      const result = await this.#options.llm.chat({
        route: routes.classify,
        messages: [{ role: 'system', content: classifyPrompt(knowledgeBase) }, { role: 'user', content: text }],
        signal,
      })
      const seen = fallbackFromAttempts(result.servedBy, result.attempts)
      const name = result.text.trim().toLowerCase().replace(/[^a-z_]/g, '')
      const intent = knowledgeBase.intents[name] ? name : 'fallback'
      return seen ? { intent, event: { type: 'event', name: AGENT_EVENTS.llmFallback, data: { route: routes.classify, ...seen } } } : { intent }
    } catch (error) {
      if (signal.aborted) throw error
      const kind = failureKind(error)
      const intent = matchIntentByKeywords(text, knowledgeBase.intents)
      logger.warn('classify failed; intent from keywords', { kind, intent: intent ?? null })
      return { intent, event: { type: 'event', name: AGENT_EVENTS.llmDegraded, data: { route: routes.classify, kind } } }
    }
  }

  async *#streamStep(request: LlmRequest, toolCalls: ToolCall[]): AsyncGenerator<TurnOutput> {
    for await (const part of this.#options.llm.stream(request)) {
      if (part.type === 'text-delta' && part.text) yield { type: 'text', text: part.text }
      // The router restarted the answer on another target without the words already spoken
      // (that target refused them as a prefix): tell the caller the sentence starts over,
      // so the whole new answer that follows does not sound glued onto the broken-off one.
      else if (part.type === 'restart') yield { type: 'text', text: ` ${cannedLine('startAgain', this.language)} ` }
      else if (part.type === 'tool-call') toolCalls.push(part.toolCall)
      else if (part.type === 'end') {
        const fallback = fallbackFromAttempts(part.servedBy, part.attempts)
        if (fallback) yield { type: 'event', name: AGENT_EVENTS.llmFallback, data: { route: request.route, ...fallback } }
      }
    }
  }

  #remember(message: ChatMessage): void {
    if (message.role === 'assistant' && !message.content && !message.toolCalls) return
    this.#history.push(message)
    const limit = this.#options.historyMessages ?? 12
    while (this.#history.length > limit) this.#history.shift()
  }
}
