// @voxguard/harness/testing: call records for the tests and benchmarks of the packages that read
// them (the judge, the CLI, the nightly suite), so none builds one by hand.
export { callRecord, turn } from './testing/call-record-builder.ts'
export type { TurnSpec } from './testing/call-record-builder.ts'
export { transcriptFixture } from './testing/transcript-fixture.ts'
