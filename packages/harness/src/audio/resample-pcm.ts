/**
 * A simple resampler for speech: downsampling averages the source samples that fall in
 * each output sample's window (a box low-pass, enough to avoid gross aliasing for
 * 16 kHz → 8 kHz), upsampling interpolates linearly.
 */
export function resamplePcm(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return samples
  const ratio = fromRate / toRate
  const length = Math.floor(samples.length / ratio)
  const output = new Int16Array(length)
  if (ratio > 1) {
    for (let index = 0; index < length; index++) {
      const start = index * ratio
      const end = Math.min(samples.length, start + ratio)
      let sum = 0
      let weight = 0
      for (let position = Math.floor(start); position < end; position++) {
        const overlap = Math.min(position + 1, end) - Math.max(position, start)
        sum += samples[position]! * overlap
        weight += overlap
      }
      output[index] = Math.round(sum / weight)
    }
  } else {
    for (let index = 0; index < length; index++) {
      const position = index * ratio
      const left = Math.floor(position)
      const right = Math.min(samples.length - 1, left + 1)
      const fraction = position - left
      output[index] = Math.round(samples[left]! * (1 - fraction) + samples[right]! * fraction)
    }
  }
  return output
}
