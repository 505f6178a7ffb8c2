/**
 * OpenAI's `pcm` speech (24 kHz) to the telephone rate (8 kHz). A windowed-sinc low-pass
 * before decimating, because wideband synthetic speech has energy above 4 kHz that would
 * otherwise fold back as hiss (the harness's general `resamplePcm` is for caller audio that is
 * already telephone speech).
 */

/** Half-length of the 24 → 8 kHz low-pass (taps = 2 × this + 1). */
const DECIMATE_HALF_TAPS = 24
/** Cut-off of that low-pass as a fraction of 24 kHz: 3.6 kHz, below the 4 kHz Nyquist of 8 kHz. */
const DECIMATE_CUTOFF_RATIO = 3600 / 24_000

/** Blackman-windowed sinc low-pass, normalised to unity gain at 0 Hz. */
const decimateTaps = (() => {
  const taps = new Float64Array(2 * DECIMATE_HALF_TAPS + 1)
  let sum = 0
  for (let index = 0; index < taps.length; index++) {
    const offset = index - DECIMATE_HALF_TAPS
    const sinc = offset === 0 ? 2 * DECIMATE_CUTOFF_RATIO : Math.sin(2 * Math.PI * DECIMATE_CUTOFF_RATIO * offset) / (Math.PI * offset)
    const window = 0.42 - 0.5 * Math.cos((2 * Math.PI * index) / (taps.length - 1)) + 0.08 * Math.cos((4 * Math.PI * index) / (taps.length - 1))
    taps[index] = sinc * window
    sum += sinc * window
  }
  return taps.map((tap) => tap / sum)
})()

/**
 * 24 kHz → 8 kHz: low-pass at 3.6 kHz, keep one sample in three. The output has
 * `floor(length / 3)` samples, so the duration is kept to within one 24 kHz sample triple.
 */
export function downsample24kTo8k(samples: Int16Array): Int16Array {
  const output = new Int16Array(Math.floor(samples.length / 3))
  for (let index = 0; index < output.length; index++) {
    const centre = index * 3
    let sum = 0
    for (let tap = 0; tap < decimateTaps.length; tap++) {
      const position = centre + tap - DECIMATE_HALF_TAPS
      if (position >= 0 && position < samples.length) sum += (samples[position] as number) * (decimateTaps[tap] as number)
    }
    output[index] = Math.max(-32768, Math.min(32767, Math.round(sum)))
  }
  return output
}
