import { AGENT_EVENTS } from '@voxguard/harness'
import type { RawData, WebSocket } from 'ws'
import { abortableIterate } from './abortable-iterate.ts'
import type { AgentContext } from './agent-context.ts'
import { decodeMulaw } from '@voxguard/harness/audio'
import { OutboundAudioPlayer } from './audio/outbound-audio-player.ts'
import { VoiceActivityDetector } from './audio/voice-activity-detector.ts'
import type { CallerInput, Conversation, TurnOutput } from './conversation.ts'
import { CANNED_LINES } from './prompts.ts'
import { recordAgentEvent } from './record-agent-event.ts'
import { ReplySequencer } from './reply-sequencer.ts'
import { SentenceChunker } from './sentence-chunker.ts'
import { SpeechError } from '@voxguard/harness/speech'
import { CLOSE_INVALID_PAYLOAD, CLOSE_POLICY_VIOLATION } from './text-call-handler.ts'

/** Event data of `asr.error` / `tts.error`: the message, and the kind when the engine knows it (e.g. 'auth', 'timeout'). */
const speechErrorData = (error: unknown): Record<string, unknown> =>
  error instanceof SpeechError && error.kind ? { message: error.message, kind: error.kind } : { message: error instanceof Error ? error.message : String(error) }

type TwilioMessage = { event: string; streamSid?: string; start?: { streamSid?: string; callSid?: string; customParameters?: Record<string, unknown> }; media?: { payload?: string }; dtmf?: { digit?: string }; mark?: { name?: string } }

/**
 * One phone call over Twilio Media Streams (bidirectional): μ-law in → voice activity
 * detection → speech recognition → the conversation → speech synthesis → μ-law out,
 * paced at 20 ms with a mark after each reply; `clear` on barge-in; DTMF menu.
 */
export function handleTwilioCall(socket: WebSocket, context: AgentContext): void {
  const speech = context.speech
  let logger = context.logger.child({ transport: 'twilio' })
  if (!speech) {
    logger.error('twilio call refused: no speech engines configured')
    socket.close(1011, 'speech not configured')
    return
  }
  const { recognizer, synthesizer, cannedAudio } = speech
  let streamSid: string | undefined
  const keys: { callId?: string; callSid?: string } = {}
  let conversation: Conversation | undefined
  let replyCount = 0
  let inbound = new Uint8Array(0)
  const hangup = new AbortController()
  const replies = new ReplySequencer(hangup.signal, (error) => logger.error('reply failed', { error }))
  // A caller pauses ~350 ms between sentences ("Thank you, that's all. Goodbye."): a shorter
  // hang-over cuts the utterance there, and the second half alone is misheard (found by the
  // nightly's audio pass as asr_misrecognition).
  const detector = new VoiceActivityDetector({ hangoverMs: 600 })
  const send = (message: object) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  let firstFrameWaiter: (() => void) | undefined
  const player = new OutboundAudioPlayer({
    sendFrame: (frame) => {
      firstFrameWaiter?.()
      firstFrameWaiter = undefined
      send({ event: 'media', streamSid, media: { payload: Buffer.from(frame).toString('base64') } })
    },
    sendMark: (name) => send({ event: 'mark', streamSid, mark: { name } }),
  })
  const report = (name: string, data: Record<string, unknown>) => recordAgentEvent(context.metrics, logger, name, data, context.eventLog ? { log: context.eventLog, keys } : undefined)

  // What the agent means to say in the reply being spoken (reported as `reply.text`).
  let intended = { text: '', reported: false }
  const speak = async (text: string, canned: string | undefined, signal: AbortSignal) => {
    // speak() gets whole sentences (the chunker drops the space between them): put it back.
    intended.text += intended.text && !/\s$/.test(intended.text) && !/^\s/.test(text) ? ` ${text}` : text
    const audio = canned ? cannedAudio.get(canned) : undefined
    if (audio) return player.enqueue(audio)
    try {
      player.enqueue(await synthesizer.synthesize(text, signal))
    } catch (error) {
      if (signal.aborted) return
      report(AGENT_EVENTS.ttsError, speechErrorData(error))
      const apology = cannedAudio.get('apology')
      if (apology) player.enqueue(apology)
    }
  }

  const reply = async (input: CallerInput | { type: 'audio'; samples: Int16Array } | { type: 'canned'; text: string; canned: string }, endedAt: number, signal: AbortSignal) => {
    if (!conversation) return
    const replyId = `reply-${replyCount++}`
    const said = { text: '', reported: false }
    intended = said
    const reportIntended = (interrupted: boolean) => {
      if (said.reported || !said.text.trim()) return
      said.reported = true
      report(AGENT_EVENTS.replyText, { replyId, text: said.text.trim(), ...(interrupted ? { interrupted } : {}) })
    }
    signal.addEventListener('abort', () => reportIntended(true), { once: true })
    const firstFrame = new Promise<void>((resolve) => (firstFrameWaiter = resolve))
    void firstFrame.then(() => context.metrics.turnFirstResponse.observe({ transport: 'twilio' }, (performance.now() - endedAt) / 1000))
    let outputs: AsyncIterable<TurnOutput>
    if (input.type === 'canned') {
      outputs = (async function* () { yield { type: 'text' as const, text: input.text, canned: input.canned as never } })()
    } else if (input.type === 'audio') {
      let heard = ''
      try {
        const transcription = await recognizer.transcribe({ samples: input.samples, sampleRate: 8000 }, signal)
        heard = transcription.text
        if (!heard && !signal.aborted) report(AGENT_EVENTS.asrEmpty, {}) // heard nothing, as opposed to failing (asr.error)
        else if (heard && !signal.aborted) report(AGENT_EVENTS.asrResult, { text: heard, ...(transcription.confidence !== undefined ? { confidence: transcription.confidence } : {}) })
      } catch (error) {
        if (signal.aborted) return
        report(AGENT_EVENTS.asrError, speechErrorData(error))
      }
      if (signal.aborted) return
      logger.debug('caller said', { text: heard })
      outputs = heard ? conversation.respond({ type: 'text', text: heard }, signal) : (async function* () { yield { type: 'text' as const, text: CANNED_LINES.notHeard, canned: 'notHeard' as const } })()
    } else {
      outputs = conversation.respond(input, signal)
    }
    const chunker = new SentenceChunker()
    let endCall: string | undefined
    for await (const output of abortableIterate(outputs, signal)) {
      if (output.type === 'text' && output.canned) {
        const rest = chunker.flush()
        if (rest) await speak(rest, undefined, signal)
        await speak(output.text, output.canned, signal)
      } else if (output.type === 'text') {
        for (const sentence of chunker.push(output.text)) await speak(sentence, undefined, signal)
      } else if (output.type === 'event') {
        report(output.name, output.data)
      } else if (output.type === 'tool-call') {
        logger.info('tool call', { tool: output.name, ok: output.result.ok })
      } else {
        endCall = output.reason
      }
    }
    const rest = chunker.flush()
    if (rest && !signal.aborted) await speak(rest, undefined, signal)
    if (signal.aborted) return
    reportIntended(false)
    logger.info('reply', { replyId, intent: conversation.lastIntent })
    player.mark(replyId)
    context.metrics.turnDuration.observe({ transport: 'twilio', outcome: 'completed' }, (performance.now() - endedAt) / 1000)
    if (endCall) {
      await player.idle()
      socket.close(1000, endCall)
    }
  }

  const startReply = (input: Parameters<typeof reply>[0], endedAt = performance.now()) => replies.start((signal) => reply(input, endedAt, signal))

  /** Stops the agent talking: abort the reply, drop queued audio, tell Twilio to `clear`. */
  const bargeIn = (why: string) => {
    if (!replies.busy && !player.busy) return
    logger.info('barge-in', { why })
    replies.interrupt()
    player.clear()
    send({ event: 'clear', streamSid })
  }

  const onMedia = (payload: string) => {
    const bytes = Buffer.from(payload, 'base64')
    const joined = new Uint8Array(inbound.length + bytes.length)
    joined.set(inbound)
    joined.set(bytes, inbound.length)
    let offset = 0
    for (; offset + detector.frameSamples <= joined.length; offset += detector.frameSamples) {
      const activity = detector.push(decodeMulaw(joined.subarray(offset, offset + detector.frameSamples)))
      if (activity?.type === 'speech-start') bargeIn('caller speech')
      else if (activity?.type === 'speech-end') startReply({ type: 'audio', samples: activity.samples })
    }
    inbound = joined.slice(offset)
  }

  socket.on('message', (data: RawData, isBinary) => {
    let message: TwilioMessage
    try {
      if (isBinary) throw new Error('binary frame')
      message = JSON.parse(String(data)) as TwilioMessage
      if (typeof message?.event !== 'string') throw new Error('no "event" field')
    } catch (error) {
      logger.warn('protocol error; closing', { reason: String(error) })
      socket.close(isBinary ? CLOSE_INVALID_PAYLOAD : CLOSE_POLICY_VIOLATION, 'invalid Twilio Media Streams message')
      return
    }
    switch (message.event) {
      case 'start':
        streamSid = message.start?.streamSid ?? message.streamSid
        if (typeof message.start?.callSid === 'string') keys.callSid = message.start.callSid
        if (typeof message.start?.customParameters?.['callId'] === 'string') keys.callId = message.start.customParameters['callId']
        logger = logger.child({ streamSid, callSid: message.start?.callSid })
        context.metrics.calls.inc({ transport: 'twilio' })
        conversation = context.startConversation(logger)
        startReply({ type: 'canned', text: conversation.greeting(), canned: 'greeting' })
        return
      case 'media':
        if (conversation && message.media?.payload) onMedia(message.media.payload)
        return
      case 'dtmf':
        if (conversation && message.dtmf?.digit) {
          bargeIn('dtmf')
          startReply({ type: 'dtmf', digits: message.dtmf.digit })
        }
        return
      case 'mark':
        logger.debug('mark played', { mark: message.mark?.name })
        return
      case 'stop':
        hangup.abort()
        player.close()
        socket.close(1000, 'stream stopped')
    }
  })
  socket.on('close', () => {
    hangup.abort()
    player.close()
  })
  socket.on('error', (error) => logger.warn('socket error', { error }))
}
