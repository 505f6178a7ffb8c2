/**
 * G.711 μ-law codec (ITU-T G.711, the encoding of Twilio Media Streams): 8-bit
 * logarithmic samples <-> 16-bit linear PCM.
 *
 * The agent's own copy on purpose (@voxguard/harness has the same codec): this example is
 * the system under test and must not depend on the test harness, as a real agent would not.
 */

const BIAS = 0x84
const CLIP = 32635

/** Encodes one 16-bit linear sample to one μ-law byte. */
export function encodeMulawSample(sample: number): number {
  let value = Math.max(-32768, Math.min(32767, Math.round(sample)))
  const sign = value < 0 ? 0x80 : 0
  if (sign) value = -value
  if (value > CLIP) value = CLIP
  value += BIAS
  let exponent = 7
  for (let mask = 0x4000; (value & mask) === 0 && exponent > 0; mask >>= 1) exponent--
  const mantissa = (value >> (exponent + 3)) & 0x0f
  return ~(sign | (exponent << 4) | mantissa) & 0xff
}

/** Decodes one μ-law byte to a 16-bit linear sample. */
export function decodeMulawSample(byte: number): number {
  const value = ~byte & 0xff
  const sign = value & 0x80
  const exponent = (value >> 4) & 0x07
  const mantissa = value & 0x0f
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS
  return sign ? -magnitude : magnitude
}

const decodeTable = Int16Array.from({ length: 256 }, (_, byte) => decodeMulawSample(byte))

/** Decodes μ-law bytes to 16-bit linear PCM. */
export function decodeMulaw(bytes: Uint8Array): Int16Array {
  const samples = new Int16Array(bytes.length)
  for (let index = 0; index < bytes.length; index++) samples[index] = decodeTable[bytes[index] as number] as number
  return samples
}

/** Encodes 16-bit linear PCM to μ-law bytes. */
export function encodeMulaw(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length)
  for (let index = 0; index < samples.length; index++) bytes[index] = encodeMulawSample(samples[index] as number)
  return bytes
}

/** The μ-law byte for digital silence. */
export const MULAW_SILENCE = 0xff
