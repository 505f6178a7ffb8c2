import { VoxguardError } from './voxguard-error.ts'

/** An error class of a voxguard package, as `checkErrorShape` calls it. */
export interface ErrorClassUnderCheck {
  new (code: never, message: string, options?: { cause?: unknown }): Error
  isInstance(value: unknown): boolean
}

const CODE_FORMAT = /^[a-z]+(?:_[a-z]+)*$/

/**
 * Checks the shape every voxguard error class has (docs/decisions/004-one-error-shape.md)
 * and returns what is wrong, one line a problem (empty when the class passes):
 * - built as `new ErrorClass(code, message, { cause })` for each of `codes`, it keeps
 *   code, message and cause;
 * - `code` is the discriminant, snake_case;
 * - `name` is the stable `name` given, whatever the bundler did to the class's name;
 * - it is an `Error` and a `VoxguardError`, and `ErrorClass.isInstance` is true for it,
 *   also for a copy of it whose prototype is another copy's (as when two versions of a
 *   package are installed), and false for a plain `Error` or another voxguard class.
 * @example
 * expect(checkErrorShape(LlmError, 'LlmError', LLM_ERROR_CODES)).toEqual([])
 */
export function checkErrorShape(ErrorClass: ErrorClassUnderCheck, name: string, codes: readonly string[]): string[] {
  const problems: string[] = []
  if (codes.length === 0) problems.push(`${name}: no codes given`)
  for (const code of codes) {
    const cause = new Error('the cause')
    const error = new ErrorClass(code as never, `a ${code} error`, { cause }) as VoxguardError
    const where = `${name} ${code}`
    if (!CODE_FORMAT.test(code)) problems.push(`${where}: code is not snake_case`)
    if (error.code !== code) problems.push(`${where}: code is ${String(error.code)}`)
    if (error.message !== `a ${code} error`) problems.push(`${where}: message not kept (${error.message})`)
    if (error.cause !== cause) problems.push(`${where}: cause not kept`)
    if (error.name !== name) problems.push(`${where}: name is ${error.name}`)
    if (!(error instanceof Error)) problems.push(`${where}: not an Error`)
    if (!VoxguardError.isInstance(error)) problems.push(`${where}: VoxguardError.isInstance is false`)
    if (!ErrorClass.isInstance(error)) problems.push(`${where}: ${name}.isInstance is false`)
    const fromAnotherCopy = Object.setPrototypeOf(new ErrorClass(code as never, 'copy'), Error.prototype) as unknown
    if (fromAnotherCopy instanceof ErrorClass) problems.push(`${where}: could not build an error of another copy`)
    if (!ErrorClass.isInstance(fromAnotherCopy)) problems.push(`${where}: ${name}.isInstance is false for an error from another copy of the package`)
  }
  if (ErrorClass.isInstance(new Error('plain'))) problems.push(`${name}.isInstance is true for a plain Error`)
  if (ErrorClass.isInstance(new VoxguardError('other_code', 'another voxguard error'))) problems.push(`${name}.isInstance is true for another voxguard error class`)
  return problems
}
