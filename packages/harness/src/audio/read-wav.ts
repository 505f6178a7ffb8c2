import { HarnessError } from '../harness-error.ts'
import { decodeMulaw, encodeMulaw } from './mulaw.ts'
import { resamplePcm } from './resample-pcm.ts'

const FORMAT_PCM = 1
const FORMAT_MULAW = 7
const FORMAT_EXTENSIBLE = 0xfffe

/**
 * Converts a WAV file's bytes to 8 kHz mono μ-law, the audio Twilio streams. Accepts
 * 16-bit PCM (8 kHz, 16 kHz or any rate, mono or stereo) and μ-law WAV.
 */
export function wavToMulaw8k(wav: Buffer, file = '(buffer)'): Buffer {
  const fail = (message: string) => new HarnessError('audio_invalid', `${file}: ${message}; expected a WAV file with 16-bit PCM or μ-law audio`, { file })
  if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw fail('not a RIFF/WAVE file')
  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | undefined
  let data: Buffer | undefined
  for (let offset = 12; offset + 8 <= wav.length; ) {
    const id = wav.toString('ascii', offset, offset + 4)
    const size = wav.readUInt32LE(offset + 4)
    const body = wav.subarray(offset + 8, Math.min(wav.length, offset + 8 + size))
    if (id === 'fmt ') {
      let audioFormat = body.readUInt16LE(0)
      if (audioFormat === FORMAT_EXTENSIBLE && body.length >= 26) audioFormat = body.readUInt16LE(24)
      format = { audioFormat, channels: body.readUInt16LE(2), sampleRate: body.readUInt32LE(4), bitsPerSample: body.readUInt16LE(14) }
    } else if (id === 'data') {
      data = body
    }
    offset += 8 + size + (size % 2)
  }
  if (!format) throw fail('no fmt chunk')
  if (!data) throw fail('no data chunk')
  const { audioFormat, channels, sampleRate, bitsPerSample } = format
  if (channels < 1 || channels > 2) throw fail(`${channels} channels`)
  if (sampleRate < 4000 || sampleRate > 96000) throw fail(`sample rate ${sampleRate} Hz`)
  let samples: Int16Array
  if (audioFormat === FORMAT_MULAW && bitsPerSample === 8) {
    if (channels === 1 && sampleRate === 8000) return Buffer.from(data)
    samples = decodeMulaw(data)
  } else if (audioFormat === FORMAT_PCM && bitsPerSample === 16) {
    samples = new Int16Array(Math.floor(data.length / 2))
    for (let index = 0; index < samples.length; index++) samples[index] = data.readInt16LE(index * 2)
  } else {
    throw fail(`unsupported encoding (format ${audioFormat}, ${bitsPerSample} bits)`)
  }
  if (channels === 2) {
    const mono = new Int16Array(Math.floor(samples.length / 2))
    for (let index = 0; index < mono.length; index++) mono[index] = Math.round((samples[index * 2]! + samples[index * 2 + 1]!) / 2)
    samples = mono
  }
  return encodeMulaw(resamplePcm(samples, sampleRate, 8000))
}

/** A 16-bit PCM mono WAV file (for tests and fixtures). */
export function writeWav(samples: Int16Array, sampleRate: number): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + samples.length * 2, 4)
  header.write('WAVEfmt ', 8, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(FORMAT_PCM, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(samples.length * 2, 40)
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)])
}
