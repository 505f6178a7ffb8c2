// @voxguard/harness/audio: the Twilio audio helpers a caller of runCalls may need:
// the frame pacer (pass one as the `frameScheduler` option to read its stats), a WAV writer
// (to make caller audio files for scripts) and the G.711 μ-law codec (to read agent audio, or
// for an agent to encode its own).
export { decodeMulaw, encodeMulaw, MULAW_SILENCE } from './audio/mulaw.ts'
export { FrameScheduler } from './audio/frame-scheduler.ts'
export type { FrameSchedulerOptions, PacedStream } from './audio/frame-scheduler.ts'
export { writeWav } from './audio/read-wav.ts'
