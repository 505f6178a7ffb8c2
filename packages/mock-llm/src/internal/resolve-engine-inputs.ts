import { KnowledgeError, parseKnowledgeBase, readSmallTextFileSync, type KnowledgeBase } from '@voxguard/knowledge'
import { resolveChaosProfile, type ChaosProfile, type ChaosProfileInput } from '../chaos-profile.ts'
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
    throw new MockLlmError('option_invalid', `seed: expected a whole number, got ${String(seed)}`, { option: 'seed', expected: 'a whole number', received: seed })
  }
  const resolved = resolveChaosProfile(profileInput ?? defaultProfileInput)
  const profile = seed === undefined ? resolved : { ...resolved, seed }
  const source = knowledgeBaseInput ?? profile.knowledgeBase
  return { profile, knowledgeBase: source === undefined ? undefined : readKnowledgeBase(source) }
}

/** A knowledge base from a file path or an object, with @voxguard/knowledge's errors as `knowledge_base_invalid`. */
function readKnowledgeBase(source: string | KnowledgeBase): KnowledgeBase {
  try {
    return typeof source === 'string' ? parseKnowledgeBase(readSmallTextFileSync(source), source) : parseKnowledgeBase(source, 'option "knowledgeBase"')
  } catch (error) {
    if (KnowledgeError.isInstance(error)) throw new MockLlmError('knowledge_base_invalid', error.message, { cause: error, file: error.file, line: error.line, field: error.field })
    throw new MockLlmError('knowledge_base_invalid', `${String(source)}: cannot read the knowledge base (${(error as Error).message})`, { cause: error })
  }
}
