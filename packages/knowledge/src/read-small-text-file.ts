import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'

/** Largest input file voxguard reads whole (a knowledge base, profile, vocabulary, script): 8 MiB. */
export const MAX_INPUT_FILE_BYTES = 8 * 1024 * 1024

/**
 * Reads a configuration file (YAML/JSON) whole, refusing what would hang or fill memory: a
 * FIFO (opened non-blocking, so a pipe with no writer does not wait), a device such as
 * `/dev/zero`, a folder, or a file over `maxBytes`. Errors are plain `Error`s with a message
 * that says which of these it was; each loader wraps them in its own error type.
 * @example
 * const text = await readSmallTextFile('e2e/profiles/calm.yaml')
 */
export async function readSmallTextFile(file: string, options: { maxBytes?: number; signal?: AbortSignal | undefined } = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_FILE_BYTES
  options.signal?.throwIfAborted()
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stats = await handle.stat()
    checkInputFile(stats, maxBytes)
    return await handle.readFile({ encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) })
  } finally {
    await handle.close()
  }
}

/** `readSmallTextFile` for the few loaders that must stay synchronous. */
export function readSmallTextFileSync(file: string, options: { maxBytes?: number } = {}): string {
  const descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    checkInputFile(fstatSync(descriptor), options.maxBytes ?? MAX_INPUT_FILE_BYTES)
    return readFileSync(descriptor, 'utf8')
  } finally {
    closeSync(descriptor)
  }
}

function checkInputFile(stats: { isFile(): boolean; size: number }, maxBytes: number): void {
  if (!stats.isFile()) throw new Error('not a regular file (a folder, device or pipe); expected a YAML or JSON file')
  if (stats.size > maxBytes) throw new Error(`file is ${stats.size} bytes, more than the ${maxBytes} this input may have`)
}
