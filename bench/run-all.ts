/** Runs every `*.bench.ts` in this folder, one after another, forwarding arguments (e.g. `--quick`). */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const folder = fileURLToPath(new URL('.', import.meta.url))
const files = readdirSync(folder).filter((name) => name.endsWith('.bench.ts')).sort()
let failed = 0
for (const file of files) {
  console.log(`\n## ${file}\n`)
  const result = spawnSync(process.execPath, ['--conditions=source', file, ...process.argv.slice(2)], { cwd: folder, stdio: 'inherit' })
  if (result.status !== 0) {
    failed += 1
    console.error(`${file} failed (exit ${result.status ?? result.signal})`)
  }
}
process.exitCode = failed === 0 ? 0 : 1
