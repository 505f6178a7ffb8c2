/**
 * Resampling between the telephone rate (8 kHz) and the recogniser rate (16 kHz).
 * Upsampling interpolates linearly; downsampling low-passes with a short moving average
 * before decimating. Good enough for speech that is already band-limited to 4 kHz.
 */

/** 8 kHz → 16 kHz: one interpolated sample between every pair. */
export function upsample8kTo16k(samples: Int16Array): Int16Array {
  const output = new Int16Array(samples.length * 2)
  for (let index = 0; index < samples.length; index++) {
    const current = samples[index] as number
    const next = index + 1 < samples.length ? (samples[index + 1] as number) : current
    output[index * 2] = current
    output[index * 2 + 1] = Math.round((current + next) / 2)
  }
  return output
}

/** 16 kHz → 8 kHz: average each pair (a two-tap low-pass), keep one sample per pair. */
export function downsample16kTo8k(samples: Int16Array): Int16Array {
  const output = new Int16Array(Math.floor(samples.length / 2))
  for (let index = 0; index < output.length; index++) {
    output[index] = Math.round(((samples[index * 2] as number) + (samples[index * 2 + 1] as number)) / 2)
  }
  return output
}
