// After `pnpm run build`: every publishable package's built entry points load from dist/
// (without the `source` condition, as a user's Node would load them), export something,
// ship their declared types, and the CLI's bin answers --help. Catches a package that only
// works from its TypeScript sources.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

interface PackageJson {
  name: string
  private?: boolean
  files?: string[]
  bin?: Record<string, string>
  exports: Record<string, { types: string; import: string }>
}

const root = join(import.meta.dirname, '..')
const problems: string[] = []
for (const folder of readdirSync(join(root, 'packages'))) {
  const directory = join(root, 'packages', folder)
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson
  if (!manifest.files?.includes('dist')) problems.push(`${manifest.name}: "files" does not list dist`)
  for (const [subpath, entry] of Object.entries(manifest.exports)) {
    if (!existsSync(join(directory, entry.types))) problems.push(`${manifest.name} ${subpath}: types ${entry.types} not built`)
    const file = join(directory, entry.import)
    if (!existsSync(file)) {
      problems.push(`${manifest.name} ${subpath}: ${entry.import} not built`)
      continue
    }
    const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>
    if (Object.keys(loaded).length === 0) problems.push(`${manifest.name} ${subpath}: ${entry.import} exports nothing`)
  }
  for (const [command, bin] of Object.entries(manifest.bin ?? {})) {
    try {
      execFileSync(process.execPath, [join(directory, bin), '--help'], { stdio: 'pipe' })
    } catch (error) {
      problems.push(`${manifest.name}: bin ${command} --help failed: ${(error as Error).message}`)
    }
  }
}
if (problems.length > 0) {
  process.stderr.write(`dist check failed:\n  ${problems.join('\n  ')}\n`)
  process.exit(1)
}
process.stdout.write('dist check: every package loads from dist/ and the CLI answers --help\n')
