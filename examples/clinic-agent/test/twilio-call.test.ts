import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemBinary } from '@voxguard/harness/testing'
import { startClinicAgent, type ClinicAgent } from '../src/index.ts'
import { createEspeakSynthesizer } from '../src/speech/espeak-synthesizer.ts'
import { sendMulaw, silence, twilioCall } from './twilio-test-caller.ts'
import type { Message, WsTestClient } from './ws-test-client.ts'

// Each missing binary is named with its Debian package; under CI=true a missing one fails the run.
const audioTools = [systemBinary('espeak-ng', 'espeak-ng'), systemBinary('sox', 'sox'), systemBinary('pocketsphinx_continuous', 'pocketsphinx pocketsphinx-en-us')]
const describeAudio = audioTools.every(Boolean) ? describe : describe.skip

const STREAM_SID = 'MZ00000000000000000000000000000001'
const sendAudio = (client: WsTestClient, audio: Uint8Array) => sendMulaw(client, STREAM_SID, audio)
/** Every call carries the caller's number the way a TwiML <Parameter> would; it must never be logged. */
const call = (agent: ClinicAgent) => twilioCall(agent, STREAM_SID, { from: '+81312345678' })

describeAudio('Twilio Media Streams, offline speech (pocketsphinx + espeak-ng)', () => {
  let agent: ClinicAgent
  const logs: Array<Message> = []
  let question: Uint8Array
  let greeting: Uint8Array
  beforeAll(async () => {
    agent = await startClinicAgent({
      port: 0,
      profile: fileURLToPath(new URL('../profiles/calm.yaml', import.meta.url)),
      logLevel: 'debug',
      logWrite: (line) => logs.push(JSON.parse(line) as Message),
    })
    const synthesizer = createEspeakSynthesizer()
    question = await synthesizer.synthesize('what time do you open on saturday', AbortSignal.timeout(10_000))
    greeting = await synthesizer.synthesize('Thank you for calling Sakura Dental Clinic. How can I help you?', AbortSignal.timeout(10_000))
  })
  afterAll(() => agent.close())

  it('recognises synthesised caller speech and answers with audio paced at 20 ms (after the greeting mark)', async () => {
    const client = await call(agent)
    await client.waitFor((message) => message.event === 'mark' && message.mark.name === 'reply-0', 10_000)
    const from = client.messages.length
    sendAudio(client, new Uint8Array([...silence(200), ...question, ...silence(800)]))
    const firstFrame = await client.waitFor((message) => message.event === 'media', 8000, from)
    expect(firstFrame).toMatchObject({ event: 'media', streamSid: STREAM_SID })
    expect(Buffer.from(firstFrame.media.payload, 'base64')).toHaveLength(160)
    expect(logs).toContainEqual(expect.objectContaining({ message: 'caller said', text: 'what time do you open on saturday' }))
    // Paced at 20 ms: about 50 frames in the next second, not the whole reply at once.
    const firstIndex = client.messages.indexOf(firstFrame)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const frames = client.messages.slice(firstIndex).filter((message) => message.event === 'media').length
    expect(frames).toBeGreaterThanOrEqual(40)
    expect(frames).toBeLessThanOrEqual(60)
    expect(logs).toContainEqual(expect.objectContaining({ message: 'reply', replyId: 'reply-1', intent: 'hours' }))
    expect(JSON.stringify(logs)).not.toContain('+81312345678')
    client.close()
  }, 30_000)

  it('barge-in: caller speech during the greeting makes the agent send clear and stop', async () => {
    const client = await call(agent)
    await client.waitFor((message) => message.event === 'media')
    sendAudio(client, new Uint8Array([...question, ...silence(600)]))
    const clear = await client.waitFor((message) => message.event === 'clear', 3000)
    expect(clear).toEqual({ event: 'clear', streamSid: STREAM_SID })
    // The greeting stopped: once it would have finished playing, its mark (reply-0) has still
    // not come (dropped with its audio), while the answer to the caller went on (reply-1).
    const logsFrom = logs.length
    await new Promise((resolve) => setTimeout(resolve, (greeting.length / 8000) * 1000 + 300))
    expect(client.messages.some((message) => message.event === 'mark' && message.mark.name === 'reply-0')).toBe(false)
    await expect.poll(() => logs.slice(logsFrom).some((line) => line.message === 'reply' && line.replyId === 'reply-1'), { timeout: 8000 }).toBe(true)
    client.close()
  }, 15_000)

  it('DTMF menu: 2 interrupts and reads the hours, 0 hands off to a human', async () => {
    const client = await call(agent)
    await client.waitFor((message) => message.event === 'media')
    const from = client.messages.length
    client.send({ event: 'dtmf', streamSid: STREAM_SID, sequenceNumber: '5', dtmf: { track: 'inbound_track', digit: '2' } })
    await client.waitFor((message) => message.event === 'clear', 3000, from)
    const clearIndex = client.messages.findIndex((message, index) => index >= from && message.event === 'clear')
    await client.waitFor((message) => message.event === 'media', 5000, clearIndex + 1)
    client.send({ event: 'dtmf', streamSid: STREAM_SID, sequenceNumber: '6', dtmf: { track: 'inbound_track', digit: '0' } })
    await expect.poll(() => logs.some((line) => line.message === 'agent event' && line.event === 'handoff.human')).toBe(true)
    expect(logs).toContainEqual(expect.objectContaining({ message: 'dtmf', digit: '2' }))
    client.close()
  }, 15_000)
})
