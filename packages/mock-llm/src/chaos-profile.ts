import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import { chaosProfileSchema, type targetBehaviourSchema } from './chaos-profile-schema.ts'
import { MockLlmError } from './mock-llm-error.ts'

/** A chaos profile as written (YAML or object): every field but `targets` optional. */
export type ChaosProfileInput = z.input<typeof chaosProfileSchema>
/** A validated chaos profile with every default applied. */
export type ChaosProfile = z.output<typeof chaosProfileSchema>
/** One target's validated behaviour. */
export type TargetBehaviour = z.output<typeof targetBehaviourSchema>
/** One target's behaviour as written. */
export type TargetBehaviourInput = z.input<typeof targetBehaviourSchema>

/**
 * Validates a chaos profile given as an object and applies the defaults.
 * A relative `knowledgeBase` is resolved against `baseDirectory` (default: the current
 * working directory).
 * @throws MockLlmError `profile_invalid` naming the field, e.g.
 *   `targets.azure-japaneast.errors.rate429: expected a number 0–1`
 * @example
 * const profile = resolveChaosProfile({ seed: 7, targets: { openai: { ttftMs: 200 } } })
 */
export function resolveChaosProfile(input: unknown, baseDirectory: string = process.cwd()): ChaosProfile {
  const result = chaosProfileSchema.safeParse(input)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${formatPath(issue.path) || '(profile)'}: ${issue.message}`)
    throw new MockLlmError('profile_invalid', `Invalid chaos profile:\n  ${lines.join('\n  ')}`)
  }
  return withResolvedPaths(result.data, baseDirectory)
}

/**
 * Parses chaos profile YAML. Errors name the file, the line and the field path.
 * @param file used in error messages and to resolve a relative `knowledgeBase`.
 * @throws MockLlmError `profile_invalid`
 */
export function parseChaosProfile(text: string, file = '<chaos profile>'): ChaosProfile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, merge: true, prettyErrors: false })
  if (document.errors.length > 0) {
    const first = document.errors[0]!
    const line = lineCounter.linePos(first.pos[0]).line
    throw new MockLlmError('profile_invalid', `${file}:${line}: not valid YAML: ${first.message.split('\n')[0]}`, { file, line })
  }
  const result = chaosProfileSchema.safeParse(document.toJS({ maxAliasCount: 1000 }))
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const line = lineOf(document, lineCounter, issue.path)
      return `${file}${line === undefined ? '' : `:${line}`}: ${formatPath(issue.path) || '(profile)'}: ${issue.message}`
    })
    throw new MockLlmError('profile_invalid', `Invalid chaos profile:\n  ${lines.join('\n  ')}`)
  }
  return withResolvedPaths(result.data, dirname(resolve(file)))
}

/**
 * Reads and validates a chaos profile YAML file. A relative `knowledgeBase` path is
 * resolved against the profile file's folder.
 * @throws MockLlmError `profile_invalid` (unreadable file, bad YAML or bad field)
 * @example
 * const profile = await loadChaosProfile('e2e/profiles/stormy.yaml')
 * const server = await startMockServer({ profile })
 */
export async function loadChaosProfile(file: string): Promise<ChaosProfile> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new MockLlmError('profile_invalid', `Cannot read chaos profile ${file}: ${(error as Error).message}`, { cause: error, file })
  }
  return parseChaosProfile(text, file)
}

function withResolvedPaths(profile: ChaosProfile, baseDirectory: string): ChaosProfile {
  if (profile.knowledgeBase === undefined) return profile
  return { ...profile, knowledgeBase: resolve(baseDirectory, profile.knowledgeBase) }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replaceAll('.[', '[')
}

function lineOf(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length) as unknown[], true)
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line
  }
  return undefined
}
