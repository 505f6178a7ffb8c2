// @voxguard/knowledge/testing: knowledge-base fixtures for the tests of packages that read
// knowledge bases (the judge, the mock brain, the harness), so no test reaches into an example
// app or the e2e suite for one.
import { fileURLToPath } from 'node:url'

/**
 * The absolute path of a knowledge-base fixture shipped with this package. `clinic`: Sakura
 * Dental Clinic (hours, prices, policies, intents, trade vocabulary in English and Japanese),
 * a snapshot of the example clinic agent's knowledge base.
 * @example
 * const knowledgeBase = await loadKnowledgeBase(knowledgeFixture('clinic'))
 */
export function knowledgeFixture(name: 'clinic'): string {
  return fileURLToPath(new URL(`../fixtures/${name}.yaml`, import.meta.url))
}
