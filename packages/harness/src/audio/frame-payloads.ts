import { MULAW_SILENCE } from './mulaw.ts'

/** Bytes of one 20 ms frame of 8 kHz μ-law (Twilio Media Streams). */
export const FRAME_BYTES = 160

/** The base64 payload of a silent frame (`0xFF` × 160). */
export const SILENT_FRAME_PAYLOAD = Buffer.alloc(FRAME_BYTES, MULAW_SILENCE).toString('base64')

const cache = new WeakMap<Buffer, readonly string[]>()

/**
 * The base64 `media.payload` of each 160-byte frame of `audio` (the last one padded with
 * μ-law silence), encoded once per buffer: `CallerAudio` hands every call the same buffer
 * for the same sentence or file, so a thousand calls saying it encode it once, and the
 * frame loop only picks a string.
 */
export function framePayloads(audio: Buffer): readonly string[] {
  let payloads = cache.get(audio)
  if (!payloads) {
    const frames: string[] = []
    for (let offset = 0; offset < audio.length; offset += FRAME_BYTES) {
      const end = offset + FRAME_BYTES
      if (end <= audio.length) frames.push(audio.toString('base64', offset, end))
      else frames.push(Buffer.concat([audio.subarray(offset), Buffer.alloc(end - audio.length, MULAW_SILENCE)]).toString('base64'))
    }
    payloads = frames
    cache.set(audio, payloads)
  }
  return payloads
}
