// @voxguard/errors/testing: the shape check every voxguard error class passes in its package's tests.
export { checkErrorShape } from './check-error-shape.ts'
export type { ErrorClassUnderCheck } from './check-error-shape.ts'
