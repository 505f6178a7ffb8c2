// The workspace's structural rules, checked on every `npm test` (root README, "Rules the tests
// enforce"): which package may import which, that the CLI loads its commands lazily, that no
// package has an import circle, and that a package's tests read only files of their own package.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')

/** Package folder name → the packages its source (not its tests) may import. `errors` is usable by all. */
const ALLOWED: Record<string, readonly string[]> = {
  cli: ['sli', 'judge', 'harness', 'llm', 'errors'],
  sli: ['judge', 'harness', 'llm', 'knowledge', 'errors'],
  judge: ['harness', 'llm', 'knowledge', 'errors'],
  harness: ['llm', 'knowledge', 'errors'],
  llm: ['errors'],
  knowledge: ['errors'],
  'mock-llm': ['knowledge', 'errors'],
  errors: [],
}
/** Beyond ALLOWED, a package's tests may use the mock providers and the knowledge fixtures. */
const TEST_ONLY = ['mock-llm', 'knowledge']
/** The one place in a package's source that may import mock-llm: the CLI's `mock` command, loaded lazily. */
const MOCK_COMMAND_FOLDER = join('packages', 'cli', 'src', 'commands', 'mock')

interface ImportSite {
  file: string
  specifier: string
  dynamic: boolean
}

function walk(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return []
    const path = join(directory, name)
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : []
  })
}

function importsOf(file: string): ImportSite[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const sites: ImportSite[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      sites.push({ file, specifier: node.moduleSpecifier.text, dynamic: false })
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      sites.push({ file, specifier: node.arguments[0].text, dynamic: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return sites
}

/** Relative string literals that are not import specifiers (paths a file may read), with where they point. */
function relativePathLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const paths: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^\.\.?\//.test(node.text)) paths.push(node.text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return paths
}

const packagesDirectory = join(root, 'packages')
const packages = readdirSync(packagesDirectory).filter((name) => statSync(join(packagesDirectory, name, 'package.json'), { throwIfNoEntry: false })?.isFile())
const packageNames = new Map(packages.map((folder) => [(JSON.parse(readFileSync(join(packagesDirectory, folder, 'package.json'), 'utf8')) as { name: string }).name, folder]))
const isTest = (file: string) => file.endsWith('.test.ts') || file.includes(`${sep}test${sep}`)

/** The workspace package folder a bare specifier names (`@voxguard/harness/testing` → harness). */
function targetPackage(specifier: string): string | undefined {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
  return packageNames.get(name)
}

function filesOf(folder: string): string[] {
  const directory = join(packagesDirectory, folder)
  return ['src', 'test'].flatMap((part) => (statSync(join(directory, part), { throwIfNoEntry: false })?.isDirectory() ? walk(join(directory, part)) : []))
}

/** Import circles among a package's own source files (relative imports, type-only ones included). */
function circles(folder: string): string[][] {
  const files = filesOf(folder).filter((file) => !isTest(file))
  const edges = new Map(files.map((file) => [file, importsOf(file).filter((site) => site.specifier.startsWith('.')).map((site) => resolve(dirname(file), site.specifier))]))
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((path) => relative(root, path)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of files) if (!state.has(file)) visit(file)
  return found
}

describe('workspace rules', () => {
  it('packages import each other only in the order cli → sli → judge → harness → llm (knowledge, errors below; mock-llm only in tests and the CLI mock command)', () => {
    const wrong: string[] = []
    for (const folder of packages) {
      for (const file of filesOf(folder)) {
        for (const site of importsOf(file)) {
          const target = targetPackage(site.specifier)
          if (target === undefined || target === folder) continue
          const allowed = [...(ALLOWED[folder] ?? []), ...(isTest(file) ? TEST_ONLY : [])]
          const inMockCommand = target === 'mock-llm' && relative(root, file).startsWith(MOCK_COMMAND_FOLDER)
          if (!allowed.includes(target) && !inMockCommand) wrong.push(`${relative(root, file)} imports ${site.specifier} (${folder} may use ${allowed.join(', ') || 'no other package'})`)
        }
        for (const site of importsOf(file).filter((candidate) => candidate.specifier.startsWith('.'))) {
          const target = resolve(dirname(file), site.specifier)
          if (!target.startsWith(join(packagesDirectory, folder) + sep)) wrong.push(`${relative(root, file)} imports ${site.specifier}, outside its package (import other packages by name)`)
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it('every package has a rule, so a new package (sli) cannot slip past the order', () => {
    expect(packages.filter((folder) => !(folder in ALLOWED))).toEqual([])
  })

  it('the CLI loads its commands only when they run: nothing its entry points import statically reaches a command module or mock-llm', () => {
    const reached = new Set<string>()
    const bare = new Set<string>()
    const visit = (file: string) => {
      if (reached.has(file)) return
      reached.add(file)
      for (const site of importsOf(file)) {
        if (site.dynamic) continue
        if (site.specifier.startsWith('.')) visit(resolve(dirname(file), site.specifier))
        else bare.add(site.specifier)
      }
    }
    for (const entry of ['index.ts', 'bin.ts']) visit(join(packagesDirectory, 'cli', 'src', entry))
    const commandModules = [...reached].map((file) => relative(root, file)).filter((file) => file.startsWith(join('packages', 'cli', 'src', 'commands') + sep))
    expect({ commandModules, mockLlm: [...bare].filter((specifier) => targetPackage(specifier) === 'mock-llm') }).toEqual({ commandModules: [], mockLlm: [] })
  })

  it('no package has an import circle among its own files', () => {
    const found = packages.map((folder) => ({ folder, circles: circles(folder) })).filter((entry) => entry.circles.length > 0)
    expect(found).toEqual([])
  })

  it("a package's tests read only files of their own package (fixtures come from a package's testing export)", () => {
    const outside = new Set<string>()
    for (const folder of packages) {
      const directory = join(packagesDirectory, folder)
      for (const file of filesOf(folder).filter(isTest)) {
        for (const path of relativePathLiterals(file)) {
          const target = resolve(dirname(file), path)
          if (target !== directory && !target.startsWith(directory + sep)) outside.add(`${relative(root, file)}: ${path}`)
        }
        const text = readFileSync(file, 'utf8')
        // A path from the repository root ('examples/…', 'e2e/…') read through the working folder.
        for (const match of text.matchAll(/['"`](?:examples|e2e|bench)\/[\w./-]+['"`]/g)) outside.add(`${relative(root, file)}: ${match[0]}`)
      }
    }
    expect([...outside]).toEqual([])
  })
})
