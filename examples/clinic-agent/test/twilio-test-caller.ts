import type { ClinicAgent } from '../src/index.ts'
import { WsTestClient } from './ws-test-client.ts'

/** `ms` of μ-law silence (0xff) at 8 kHz. */
export const silence = (ms: number) => new Uint8Array((ms / 1000) * 8000).fill(0xff)

/** Plays Twilio's side of a Media Streams call: connects to `/twilio` and sends `connected` and `start`. */
export async function twilioCall(agent: ClinicAgent, streamSid: string, customParameters: Record<string, string> = {}): Promise<WsTestClient> {
  const client = new WsTestClient(`${agent.url.replace('http', 'ws')}/twilio`)
  await client.opened()
  client.send({ event: 'connected', protocol: 'Call', version: '1.0.0' })
  client.send({
    event: 'start',
    sequenceNumber: '1',
    streamSid,
    start: { streamSid, accountSid: 'AC0', callSid: 'CA0', tracks: ['inbound'], customParameters, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
  })
  return client
}

let chunk = 0
/** Sends μ-law audio as Twilio does: `media` messages of 160 bytes (20 ms), all at once. */
export function sendMulaw(client: WsTestClient, streamSid: string, audio: Uint8Array): void {
  for (let offset = 0; offset < audio.length; offset += 160) {
    chunk++
    const payload = Buffer.from(audio.subarray(offset, offset + 160)).toString('base64')
    client.send({ event: 'media', sequenceNumber: String(chunk + 1), streamSid, media: { track: 'inbound', chunk: String(chunk), timestamp: String(chunk * 20), payload } })
  }
}
