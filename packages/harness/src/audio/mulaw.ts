/**
 * G.711 μ-law (the encoding of Twilio Media Streams): 14-bit linear PCM companded to
 * 8 bits. `0xFF` is digital silence.
 */

const BIAS = 0x84
const CLIP = 32635

/** μ-law byte that decodes to 0. */
export const MULAW_SILENCE = 0xff

/** Encodes one signed 16-bit PCM sample to a μ-law byte. */
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

/** Decodes one μ-law byte to a signed 16-bit PCM sample. */
export function decodeMulawSample(byte: number): number {
  const value = ~byte & 0xff
  const sign = value & 0x80
  const exponent = (value >> 4) & 0x07
  const mantissa = value & 0x0f
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS
  return sign ? -magnitude : magnitude
}

/** Encodes 16-bit PCM samples to μ-law bytes. */
export function encodeMulaw(samples: Int16Array): Buffer {
  const output = Buffer.allocUnsafe(samples.length)
  for (let index = 0; index < samples.length; index++) output[index] = encodeMulawSample(samples[index]!)
  return output
}

/** Decodes μ-law bytes to 16-bit PCM samples. */
export function decodeMulaw(bytes: Uint8Array): Int16Array {
  const output = new Int16Array(bytes.length)
  for (let index = 0; index < bytes.length; index++) output[index] = decodeMulawSample(bytes[index]!)
  return output
}
