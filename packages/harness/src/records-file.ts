import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CallRecord } from './call-record.ts'

/**
 * An append-only JSONL file of call records. Each record is written with one `write`
 * system call and `fsync`ed, so a run that is killed keeps every call that finished.
 */
export class RecordsFile {
  readonly path: string
  #descriptor: number | undefined

  /** Opens (creating directories); `append: false` truncates an existing file. */
  constructor(path: string, options: { append?: boolean } = {}) {
    this.path = path
    mkdirSync(dirname(path), { recursive: true })
    this.#descriptor = openSync(path, options.append ? 'a' : 'w')
  }

  write(record: CallRecord): void {
    if (this.#descriptor === undefined) throw new Error(`records file ${this.path} is closed`)
    writeSync(this.#descriptor, `${JSON.stringify(record)}\n`)
    fsyncSync(this.#descriptor)
  }

  close(): void {
    if (this.#descriptor === undefined) return
    closeSync(this.#descriptor)
    this.#descriptor = undefined
  }
}
