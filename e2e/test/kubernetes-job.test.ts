// The documented Kubernetes Indexed Job (deploy/kubernetes/): pod k of n runs shard k+1 of n,
// and the merge Job reads every shard's records. The pod's command is run here with a
// stand-in `npx` that prints the voxguard command line it was given.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface Container { env: Array<{ name: string; value: string }>; command: string[]; args?: string[] }
interface Job { kind: string; spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { containers: Container[] } } } }
const load = (name: string) => parse(readFileSync(fileURLToPath(new URL(`../../deploy/kubernetes/${name}`, import.meta.url)), 'utf8')) as Job

describe('the Kubernetes Indexed Job', () => {
  it('maps JOB_COMPLETION_INDEX 0…n-1 to --shard 1/n…n/n, and the merge Job judges every shard', () => {
    const calls = load('nightly-indexed-job.yaml')
    expect(calls).toMatchObject({ kind: 'Job', spec: { completionMode: 'Indexed' } })
    const container = calls.spec.template.spec.containers[0]!
    const shards = Number(container.env.find((variable) => variable.name === 'SHARDS')?.value)
    expect(calls.spec.completions).toBe(shards)

    const bin = mkdtempSync(join(tmpdir(), 'fake-npx-'))
    writeFileSync(join(bin, 'npx'), '#!/bin/sh\necho "$@"\n')
    chmodSync(join(bin, 'npx'), 0o755)
    const commands = Array.from({ length: shards }, (_, index) =>
      execFileSync(container.command[0]!, [...container.command.slice(1), ...container.args!], {
        encoding: 'utf8',
        env: { PATH: `${bin}:${process.env.PATH}`, JOB_COMPLETION_INDEX: String(index), ...Object.fromEntries(container.env.map((variable) => [variable.name, variable.value])) },
      }).trim(),
    )
    expect(commands).toEqual([1, 2, 3, 4].map((shard) => `voxguard nightly --profile e2e/profiles/calm.yaml --shard ${shard}/4 --out /reports/shard-${shard}`))

    const merge = load('nightly-merge-job.yaml').spec.template.spec.containers[0]!
    expect(merge.command).toEqual(['npx', 'voxguard', 'nightly', '--from-records', '/reports/shard-*/records.jsonl', '--out', '/reports/nightly'])
  })
})
