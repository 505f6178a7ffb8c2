import { closeSync, fsyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CallRecord } from './call-record.ts'
import type { TornLine } from './read-call-records.ts'
import { isCompleteJson } from './internal/is-complete-json.ts'

export interface RecordsFileOptions {
  /** Append to an existing file instead of truncating it. Default false. */
  append?: boolean
  /** fsync after every record (survives an OS crash, costs a disk flush per call). Default false. */
  fsyncEachRecord?: boolean
  /** Appending: called when the file ended in a torn line (a killed run), which is dropped. */
  onTornLine?: (torn: TornLine) => void
}

/**
 * An append-only JSONL file of call records. Each record is written with one `write`
 * system call as the call ends (no user-space buffer), so a run that is killed keeps every
 * call that finished. `close()` fsyncs once; pass `fsyncEachRecord` to survive an OS crash
 * too, at a cost of a disk flush per call.
 *
 * Appending to a file a killed run left with a torn last line (see `readCallRecords`) first
 * drops that fragment, so a new record is never glued onto it; a complete last record that
 * only lacks its newline gets one.
 */
export class RecordsFile {
  readonly path: string
  #descriptor: number | undefined
  readonly #fsyncEachRecord: boolean

  /** Opens (creating directories); `append: false` truncates an existing file. */
  constructor(path: string, options: RecordsFileOptions = {}) {
    this.path = path
    this.#fsyncEachRecord = options.fsyncEachRecord ?? false
    mkdirSync(dirname(path), { recursive: true })
    this.#descriptor = openSync(path, options.append ? 'a+' : 'w')
    if (options.append) this.#repairTail(options.onTornLine)
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

  #repairTail(onTornLine: RecordsFileOptions['onTornLine']): void {
    const descriptor = this.#descriptor!
    const size = fstatSync(descriptor).size
    if (size === 0) return
    // Find the start of the last line, reading backwards in blocks.
    const block = Buffer.alloc(64 * 1024)
    let lineStart = 0
    for (let end = size; end > 0 && lineStart === 0; end -= block.length) {
      const start = Math.max(0, end - block.length)
      const read = readSync(descriptor, block, 0, end - start, start)
      const newline = block.subarray(0, read).lastIndexOf(10, read - 1)
      if (end === size && newline === read - 1) return // ends with its newline: nothing torn
      if (newline !== -1) lineStart = start + newline + 1
    }
    const fragment = Buffer.alloc(size - lineStart)
    readSync(descriptor, fragment, 0, fragment.length, lineStart)
    const text = fragment.toString('utf8')
    if (text.trim() === '' || isCompleteJson(text)) {
      writeSync(descriptor, '\n')
      return
    }
    let lines = 0
    for (let start = 0; start < lineStart; start += block.length) {
      const read = readSync(descriptor, block, 0, Math.min(block.length, lineStart - start), start)
      for (let index = 0; index < read; index++) if (block[index] === 10) lines += 1
    }
    ftruncateSync(descriptor, lineStart)
    onTornLine?.({ file: this.path, line: lines + 1, bytes: fragment.length })
  }
}
