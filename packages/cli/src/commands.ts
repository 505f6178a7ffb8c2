import type { Command } from './command.ts'
import { judgeCommand } from './commands/judge/judge-command.ts'
import { mergeCommand } from './commands/merge/merge-command.ts'
import { mockCommand } from './commands/mock/mock-command.ts'
import { reportCommand } from './commands/report/report-command.ts'
import { runCommand } from './commands/run/run-command.ts'
import { sloCommand } from './commands/slo/slo-command.ts'

/** Every `voxguard` command, one entry each (add a command: a folder under commands/ and a line here). */
export const commands: readonly Command[] = [runCommand, mergeCommand, mockCommand, judgeCommand, reportCommand, sloCommand]
