// SIGKILL of a `voxguard run` child at random points: every call the run reported finished
// must be in records.jsonl, and the run folder must be accepted by merge, judge (which writes
// verdicts.jsonl beside the records) and report (a torn last line is reported, never an error).
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocketServer } from 'ws'
import { mergeRecords, readCallRecordsFile } from '@voxguard/harness'
import { judgeRecords, VerdictsFile } from '@voxguard/judge'
import { VOXGUARD_BIN } from './voxguard-report-accepts.ts'


export interface KillFigures {
  runs: number
  reportedFinished: number
  recorded: number
  lostCalls: number
  tornLines: number
  mergeAccepted: number
  judgeAccepted: number
  reportAccepted: number
}

/**
 * Kills `runs` runs; `report` is then given each run folder (records.jsonl and the judge's
 * verdicts.jsonl) and the number of records, and says whether the report accepted it.
 */
export async function runSigkillRuns(runs: number, seed: number, report: (runDirectory: string, records: number) => Promise<boolean>): Promise<KillFigures> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  server.on('connection', (socket) => {
    let replies = 0
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; callId?: string; text?: string }
      if (message.type === 'start') socket.send(JSON.stringify({ type: 'ready', callId: message.callId }))
      if (message.type === 'caller.text') setTimeout(() => socket.readyState === socket.OPEN && socket.send(JSON.stringify({ type: 'agent.final', replyId: `r${replies++}`, text: `You said ${message.text}` })), 15)
      if (message.type === 'caller.hangup') socket.close(1000)
    })
  })
  const agentUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/text`
  const root = mkdtempSync(join(tmpdir(), 'fuzz-kill-'))
  const scripts = Array.from({ length: 12 }, (_, index) => {
    const file = join(root, `k${index}.yaml`)
    writeFileSync(file, `id: k${index}\ngreeting: false\nturns:\n  - say: one ${index}\n  - say: two ${index}\n`)
    return file
  })
  let random = seed
  const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const figures: KillFigures = { runs, reportedFinished: 0, recorded: 0, lostCalls: 0, tornLines: 0, mergeAccepted: 0, judgeAccepted: 0, reportAccepted: 0 }
  try {
    for (let run = 0; run < runs; run++) {
      const out = join(root, `run-${run}`)
      // Counted from the run's first line ("running N calls", printed once records.jsonl is open),
      // so that the kill lands between the first call and the end of the run, not in Node's start-up.
      const killAfterMs = Math.floor(next() * 5000)
      const stdout = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--conditions=source', VOXGUARD_BIN, 'run', ...scripts, '--agent', agentUrl, '--repeat', '20', '--concurrency', '4', '--out', out], { env: { ...process.env, CI: 'true' } })
        let text = ''
        let timer: NodeJS.Timeout | undefined
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString()
          timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        })
        child.on('close', () => {
          clearTimeout(timer)
          resolve(text)
        })
      })
      // A progress line is printed after its record was written: each is a call the run reported finished.
      const finished = stdout.split('\n').filter((line) => /^\[\d+\/\d+\] /u.test(line)).map((line) => /\] (\S+ #\d+)/u.exec(line)![1]!)
      const records = await readCallRecordsFile(join(out, 'records.jsonl'), { onTornLine: () => (figures.tornLines += 1) })
      const recordedIds = new Set(records.map((record) => `${record.scriptId} #${record.repeat}`))
      figures.reportedFinished += finished.length
      figures.recorded += records.length
      figures.lostCalls += finished.filter((id) => !recordedIds.has(id)).length
      if ((await mergeRecords([join(out, 'records.jsonl')])).length === records.length) figures.mergeAccepted += 1
      const verdicts = new VerdictsFile(join(out, 'verdicts.jsonl'))
      try {
        if ((await judgeRecords(join(out, 'records.jsonl'), { onVerdict: (verdict) => verdicts.write(verdict) })).length === records.length) figures.judgeAccepted += 1
      } finally {
        verdicts.close()
      }
      if (await report(out, records.length)) figures.reportAccepted += 1
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return figures
}
