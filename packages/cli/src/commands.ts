import type { CommandEntry } from './command.ts'

/**
 * Every `voxguard` command, one entry each. A command's module is imported only when that
 * command runs, so `voxguard run` never loads the mock providers and `--help` loads nothing.
 * Add a command: a folder under commands/ and an entry here.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'run', summary: 'replay call scripts against an agent and record every turn', load: async () => (await import('./commands/run/run-command.ts')).runCommand },
  { name: 'merge', summary: 'join shard outputs (records.jsonl) into one file', load: async () => (await import('./commands/merge/merge-command.ts')).mergeCommand },
  { name: 'mock', summary: 'serve mock LLM providers with a chaos profile', load: async () => (await import('./commands/mock/mock-command.ts')).mockCommand },
  { name: 'judge', summary: 'judge recorded calls: verdicts, system vs dialogue factor, hallucinations', load: async () => (await import('./commands/judge/judge-command.ts')).judgeCommand },
  { name: 'import', summary: 'production transcripts to call records (SLIs) and regression call scripts', load: async () => (await import('./commands/import/import-command.ts')).importCommand },
  { name: 'report', summary: "rebuild a run's SLIs and reports (HTML, JUnit, Prometheus, JSON); push or export them", load: async () => (await import('./commands/report/report-command.ts')).reportCommand },
  { name: 'slo', summary: 'check a run against its objectives; write alert rules and the Grafana dashboard', load: async () => (await import('./commands/slo/slo-command.ts')).sloCommand },
]
