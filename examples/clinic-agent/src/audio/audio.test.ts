import { describe, expect, it } from 'vitest'
import { OutboundAudioPlayer } from './outbound-audio-player.ts'
import { VoiceActivityDetector } from './voice-activity-detector.ts'

const tone = (samples: number, amplitude: number) => Int16Array.from({ length: samples }, (_, index) => Math.round(amplitude * Math.sin(index / 3)))

describe('VoiceActivityDetector', () => {
  it('starts after the debounce, ends after the hangover, keeps the pre-roll', () => {
    const detector = new VoiceActivityDetector({ hangoverMs: 100, preRollMs: 40 })
    const events = [...Array(5).fill(tone(160, 0)), ...Array(10).fill(tone(160, 8000)), ...Array(10).fill(tone(160, 0))].map((frame) => detector.push(frame)?.type)
    expect(events.indexOf('speech-start')).toBe(7) // third speech frame
    expect(events.indexOf('speech-end')).toBe(19) // five quiet frames (100 ms) after the last speech frame
  })

  it('rejects a bad option by name', () => {
    expect(() => new VoiceActivityDetector({ hangoverMs: -1 })).toThrow(/"hangoverMs"/)
  })
})

describe('OutboundAudioPlayer', () => {
  it('sends 160-byte frames every 20 ms, the mark after the audio, and drops the rest on clear', async () => {
    const sent: Array<number | string> = []
    const player = new OutboundAudioPlayer({ sendFrame: (frame) => sent.push(frame.length), sendMark: (name) => sent.push(name) })
    const started = performance.now()
    player.enqueue(new Uint8Array(800))
    player.mark('reply-1')
    await player.idle()
    expect(sent).toEqual([160, 160, 160, 160, 160, 'reply-1'])
    expect(performance.now() - started).toBeGreaterThanOrEqual(80)
    player.enqueue(new Uint8Array(8000))
    player.mark('never')
    player.clear()
    expect(sent.filter((item) => item === 'never')).toEqual([])
  })
})
