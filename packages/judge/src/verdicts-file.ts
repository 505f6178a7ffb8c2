import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Verdict } from './verdict/verdict.ts'

/**
 * The one writer of `verdicts.jsonl`: one JSON line per call, each written with one `write`
 * system call as the verdict is given, so a judge that is killed keeps every verdict it
 * finished. `readVerdicts` is its reader.
 *
 * @example
 * const file = new VerdictsFile('reports/verdicts.jsonl')
 * await judgeRecords('reports/records.jsonl', { onVerdict: (verdict) => file.write(verdict) })
 * file.close()
 */
export class VerdictsFile {
  readonly path: string
  #descriptor: number | undefined

  /** Opens (creating directories); `append: true` keeps an existing file's verdicts. */
  constructor(path: string, options: { append?: boolean } = {}) {
    this.path = path
    mkdirSync(dirname(path), { recursive: true })
    this.#descriptor = openSync(path, options.append ? 'a' : 'w')
  }

  write(verdict: Verdict): void {
    if (this.#descriptor === undefined) throw new Error(`verdicts file ${this.path} is closed`)
    writeSync(this.#descriptor, `${JSON.stringify(verdict)}\n`)
  }

  /** Flushes to disk and closes; calling it again does nothing. */
  close(): void {
    if (this.#descriptor === undefined) return
    fsyncSync(this.#descriptor)
    closeSync(this.#descriptor)
    this.#descriptor = undefined
  }
}
