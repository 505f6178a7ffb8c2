import { describe, expect, it } from 'vitest'
import { decodeMulawSample, encodeMulaw, encodeMulawSample, MULAW_SILENCE } from './mulaw.ts'
import { resamplePcm } from './resample-pcm.ts'
import { wavToMulaw8k, writeWav } from './read-wav.ts'

describe('G.711 μ-law', () => {
  it('matches the reference values of the G.711 table', () => {
    expect(encodeMulawSample(0)).toBe(MULAW_SILENCE)
    expect(encodeMulawSample(32767)).toBe(0x80)
    expect(encodeMulawSample(-32768)).toBe(0x00)
    expect(encodeMulawSample(-1)).toBe(0x7f)
    expect(decodeMulawSample(0x80)).toBe(32124)
    expect(decodeMulawSample(0x00)).toBe(-32124)
    expect(decodeMulawSample(0xff)).toBe(0)
  })

  it('round-trips every byte and keeps the quantisation error within one step', () => {
    for (let byte = 0; byte < 256; byte++) {
      if (byte === 0x7f) continue // -0 encodes as +0 (0xFF)
      expect(encodeMulawSample(decodeMulawSample(byte))).toBe(byte)
    }
    for (const sample of [1, 100, -100, 1000, -5000, 12345, -30000]) {
      const error = Math.abs(decodeMulawSample(encodeMulawSample(sample)) - sample)
      expect(error).toBeLessThanOrEqual(Math.max(4, Math.abs(sample) / 16))
    }
  })
})

describe('WAV to 8 kHz μ-law', () => {
  const tone = (rate: number, ms: number) => Int16Array.from({ length: (rate * ms) / 1000 }, (_, index) => Math.round(10000 * Math.sin((2 * Math.PI * 400 * index) / rate)))

  it('resamples 16 kHz PCM to 8 kHz (half the samples, same level) and passes 8 kHz μ-law through', () => {
    const mulaw = wavToMulaw8k(writeWav(tone(16000, 100), 16000))
    expect(mulaw.length).toBe(800)
    const direct = encodeMulaw(resamplePcm(tone(16000, 100), 16000, 8000))
    expect(mulaw).toEqual(direct)
    const peak = Math.max(...Array.from(mulaw, (byte) => Math.abs(decodeMulawSample(byte))))
    expect(peak).toBeGreaterThan(9000)
    expect(peak).toBeLessThan(10600)
    expect(wavToMulaw8k(writeWav(tone(8000, 20), 8000))).toHaveLength(160)
    expect(resamplePcm(Int16Array.from([0, 100]), 8000, 16000)).toEqual(Int16Array.from([0, 50, 100, 100]))
  })

  it('rejects what it cannot play, naming the file', () => {
    expect(() => wavToMulaw8k(Buffer.from('not a wav file'), 'caller.wav')).toThrow(/caller\.wav: not a RIFF\/WAVE file; expected a WAV file/)
  })
})
