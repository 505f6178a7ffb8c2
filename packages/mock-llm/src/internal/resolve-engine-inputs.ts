import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { resolveChaosProfile, type ChaosProfile, type ChaosProfileInput } from '../chaos-profile.ts'
import { parseKnowledgeBase, type KnowledgeBase } from '../knowledge-base.ts'
import { MockLlmError } from '../mock-llm-error.ts'

/** The profile used when none is given: one perfect, instant target named `default`. */
export const defaultProfileInput: ChaosProfileInput = { seed: 1, targets: { default: {} } }

/** Validates the profile, applies the seed override and loads the knowledge base (synchronously: it is small). */
export function resolveEngineInputs(
  profileInput: ChaosProfile | ChaosProfileInput | undefined,
  knowledgeBaseInput: string | KnowledgeBase | undefined,
  seed: number | undefined,
): { profile: ChaosProfile; knowledgeBase: KnowledgeBase | undefined } {
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new MockLlmError('invalid-option', `seed: expected a whole number, got ${String(seed)}`)
  }
  const resolved = resolveChaosProfile(profileInput ?? defaultProfileInput)
  const profile = seed === undefined ? resolved : { ...resolved, seed }
  const source = knowledgeBaseInput ?? profile.knowledgeBase
  return { profile, knowledgeBase: typeof source === 'string' ? readKnowledgeBaseFile(source) : source && parseKnowledgeBase(source) }
}

function readKnowledgeBaseFile(file: string): KnowledgeBase {
  let value: unknown
  try {
    value = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new MockLlmError('invalid-knowledge-base', `Cannot read knowledge base ${file}: ${(error as Error).message}`, { cause: error })
  }
  return parseKnowledgeBase(value, file)
}
