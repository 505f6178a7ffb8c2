import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CallRecord } from './call-record.ts'

/**
 * An append-only JSONL file of call records. Each record is written with one `write`
 * system call as the call ends (no user-space buffer), so a run that is killed keeps every
 * call that finished. `close()` fsyncs once; pass `fsyncEachRecord` to survive an OS crash
 * too, at a cost of a disk flush per call.
 */
export class RecordsFile {
  readonly path: string
  #descriptor: number | undefined

  /** Opens (creating directories); `append: false` truncates an existing file. */
  readonly #fsyncEachRecord: boolean

  constructor(path: string, options: { append?: boolean; fsyncEachRecord?: boolean } = {}) {
    this.path = path
    this.#fsyncEachRecord = options.fsyncEachRecord ?? false
    mkdirSync(dirname(path), { recursive: true })
    this.#descriptor = openSync(path, options.append ? 'a' : 'w')
  }

  write(record: CallRecord): void {
    if (this.#descriptor === undefined) throw new Error(`records file ${this.path} is closed`)
    writeSync(this.#descriptor, `${JSON.stringify(record)}\n`)
    if (this.#fsyncEachRecord) fsyncSync(this.#descriptor)
  }

  close(): void {
    if (this.#descriptor === undefined) return
    fsyncSync(this.#descriptor)
    closeSync(this.#descriptor)
    this.#descriptor = undefined
  }
}
