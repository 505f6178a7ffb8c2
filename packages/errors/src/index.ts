// @voxguard/errors: the one error shape every voxguard package throws.
export { VoxguardError, hasErrorMarker, markError } from './voxguard-error.ts'
export type { VoxguardErrorOptions } from './voxguard-error.ts'
