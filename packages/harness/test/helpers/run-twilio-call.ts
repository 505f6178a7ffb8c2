import { join } from 'node:path'
import { expect } from 'vitest'
import { runCalls } from '@voxguard/harness'
import { writeWav } from '@voxguard/harness/audio'
import type { CallRecord } from '@voxguard/harness'
import { toneSamples } from './twilio-agent.ts'
import { writeFiles } from './write-script.ts'

/**
 * Runs `script` (YAML; turns may name `tone.wav`, 300 ms of speech-like tone) once in
 * Twilio mode against `agentUrl` and returns its record (replyEndSilenceMs 150, endGraceMs 50).
 */
export async function runTwilioCall(agentUrl: string, script: string, turnTimeoutMs = 3000): Promise<CallRecord> {
  const files = writeFiles({ 'call.yaml': script, 'tone.wav': writeWav(toneSamples(300), 16000) })
  const records: CallRecord[] = []
  const result = await runCalls({ scripts: [files.path('call.yaml')], agentUrl, protocol: 'twilio', outDir: join(files.dir, 'out'), turnTimeoutMs, replyEndSilenceMs: 150, endGraceMs: 50, onRecord: (record) => records.push(record) })
  expect(result.scriptErrors.map((error) => error.message)).toEqual([])
  return records[0]!
}
