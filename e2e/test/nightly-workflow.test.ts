// .github/workflows/nightly.yml checked with GitHub's own parser (@actions/workflow-parser:
// the schema the Actions service validates against) and read for what the scale-out needs.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const file = fileURLToPath(new URL('../../.github/workflows/nightly.yml', import.meta.url))

describe('the nightly workflow', () => {
  it('is a valid GitHub Actions workflow: a shard matrix, then a merge-and-judge job that uploads the report', async () => {
    const content = await readFile(file, 'utf8')
    const parsed = parseWorkflow({ name: 'nightly.yml', content }, new NoOperationTraceWriter())
    expect(parsed.context.errors.getErrors().map((error) => error.message)).toEqual([])
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!)
    expect(template.errors ?? []).toEqual([])
    expect(template.jobs.map((job) => job.id.value)).toEqual(['calls', 'merge-and-judge'])

    // What the parser keeps as expressions, read from the YAML: 4 shards, each `--shard i/4`,
    // merged by `--from-records`, the report uploaded as an artifact.
    const workflow = parse(content) as { env: Record<string, unknown>; jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> }> }
    const calls = workflow.jobs['calls']!
    const merge = workflow.jobs['merge-and-judge']!
    expect(calls.strategy?.matrix.shard).toEqual([1, 2, 3, 4])
    expect(workflow.env['SHARDS']).toBe(calls.strategy?.matrix.shard.length)
    expect(calls.steps.some((step) => step.run?.includes('npx voxguard nightly') && step.run.includes('--shard "${{ matrix.shard }}/$SHARDS"'))).toBe(true)
    expect(merge.needs).toBe('calls')
    expect(merge.steps.some((step) => step.run?.includes("npx voxguard nightly --from-records 'shards/*/records.jsonl'"))).toBe(true)
    expect(merge.steps.some((step) => step.uses?.startsWith('actions/upload-artifact@') && step.with?.['name'] === 'nightly-report')).toBe(true)
  })
})
