import type { Attempt } from './attempt.ts'

/** What a failover run returns: the value and the attempt that produced it. */
export interface FailoverResult<T> {
  value: T
  attempt: Attempt
}
