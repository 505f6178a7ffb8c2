const BASE_MARKER = 'voxguard.error'

/**
 * What every voxguard error may say besides its code and message. Each field is set only
 * where it applies, so a caller (the CLI, a report) can say where the problem is without
 * parsing the message.
 */
export interface VoxguardErrorOptions {
  /** The error this one wraps (kept as `error.cause`). */
  cause?: unknown
  /** The option that had a bad value, as the function names it (`agentUrl`, `turnTimeoutMs`). */
  option?: string
  /** For a bad option or field: what it should be (`a ws:// or wss:// URL`). */
  expected?: string
  /** For a bad option or field: the value that was given. */
  received?: unknown
  /** The file the error is about. */
  file?: string
  /** 1-based line in `file`. */
  line?: number
  /** 1-based column in `file`. */
  column?: number
  /** The field path inside the file or object (`turns[2].expect.saysAny`). */
  field?: string
}

/**
 * The base of every error a voxguard package throws. `code` is the one discriminant: a
 * stable snake_case string, subject first (`option_invalid`, `breaker_open`, see
 * docs/decisions/004-one-error-shape.md). `name` is the class's stable name. `isInstance`
 * works across copies of a package (two versions in one `node_modules`), where
 * `instanceof` does not: it looks for a `Symbol.for` marker instead of a prototype.
 * @example
 * try {
 *   await runCalls({ scripts, agentUrl })
 * } catch (error) {
 *   if (VoxguardError.isInstance(error) && error.option) console.error(`bad option ${error.option}: ${error.message}`)
 * }
 */
export class VoxguardError<Code extends string = string> extends Error {
  /**
   * The class's stable name (its instances' `name`, and its `Symbol.for` marker
   * `voxguard.error.<errorName>`). A subclass sets only this:
   * `class JudgeError extends VoxguardError<JudgeErrorCode> { static override readonly errorName = 'JudgeError' }`.
   */
  static readonly errorName: string = 'VoxguardError'
  readonly code: Code
  readonly option: string | undefined
  readonly expected: string | undefined
  readonly received: unknown
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined
  readonly field: string | undefined

  constructor(code: Code, message: string, options: VoxguardErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined)
    this.code = code
    this.option = options.option
    this.expected = options.expected
    this.received = options.received
    this.file = options.file
    this.line = options.line
    this.column = options.column
    this.field = options.field
    const errorName = (new.target as typeof VoxguardError).errorName
    this.name = errorName
    markError(this, BASE_MARKER)
    if (errorName !== VoxguardError.errorName) markError(this, `${BASE_MARKER}.${errorName}`)
  }

  /**
   * Whether `value` is an error of this class (on `VoxguardError`: of any voxguard package),
   * from any copy of its package: it looks for the class's marker, not its prototype.
   */
  static isInstance<Instance extends VoxguardError>(this: (abstract new (...args: never[]) => Instance) & { errorName: string }, value: unknown): value is Instance {
    return hasErrorMarker(value, this.errorName === VoxguardError.errorName ? BASE_MARKER : `${BASE_MARKER}.${this.errorName}`)
  }
}

function markError(error: Error, marker: string): void {
  Object.defineProperty(error, Symbol.for(marker), { value: true, enumerable: false })
}

function hasErrorMarker(value: unknown, marker: string): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[Symbol.for(marker)] === true
}
