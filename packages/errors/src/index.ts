// @voxguard/errors: the one error shape every voxguard package throws.
export { VoxguardError } from './voxguard-error.ts'
export type { VoxguardErrorOptions } from './voxguard-error.ts'
