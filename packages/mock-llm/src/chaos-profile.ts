import { dirname, resolve } from 'node:path'
import { parseYamlSafely, readSmallTextFile, YamlProblem, type ParsedYaml } from '@voxguard/knowledge'
import { isNode, type Document, type LineCounter } from 'yaml'
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
  let parsed: ParsedYaml
  try {
    parsed = parseYamlSafely(text, { merge: true })
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error
    throw new MockLlmError('profile_invalid', `${file}:${error.line}: ${error.message}`, { cause: error, file, line: error.line })
  }
  const { document, lineCounter } = parsed
  const result = chaosProfileSchema.safeParse(parsed.data)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      // An unknown key is reported at its own line, not at its parent's.
      const path = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...issue.path, issue.keys[0]!] : issue.path
      const line = lineOf(document, lineCounter, path)
      return `${file}${line === undefined ? '' : `:${line}`}: ${formatPath(path) || '(profile)'}: ${issue.message}`
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
    text = await readSmallTextFile(file)
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
