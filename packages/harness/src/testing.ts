// @voxguard/harness/testing: call records for the tests and benchmarks of the packages that read
// them (the judge, the CLI, the nightly suite), so none builds one by hand; and the one check
// of a Debian binary a test needs (skip with the package's name; fail under CI=true).
export { callRecord, turn } from './testing/call-record-builder.ts'
export type { TurnSpec } from './testing/call-record-builder.ts'
export { transcriptFixture } from './testing/transcript-fixture.ts'
export { systemBinary } from './testing/system-binary.ts'
