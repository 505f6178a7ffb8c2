// @voxguard/harness/audio: the Twilio audio helpers a caller of runCalls may need:
// the frame pacer (pass one as the `frameScheduler` option to read its stats) and a WAV writer
// (to make caller audio files for scripts).
export { FrameScheduler } from './audio/frame-scheduler.ts'
export type { FrameSchedulerOptions, PacedStream } from './audio/frame-scheduler.ts'
export { writeWav } from './audio/read-wav.ts'
