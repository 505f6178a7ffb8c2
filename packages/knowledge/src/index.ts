// Format and loading
export { loadKnowledgeBase, parseKnowledgeBase } from './knowledge-base.ts'
export type { FactTree, FactValue, KnowledgeBase, KnowledgeIntent } from './knowledge-base-types.ts'

// Reading input files safely (regular files, bounded size)
export { MAX_INPUT_FILE_BYTES, readSmallTextFile, readSmallTextFileSync } from './read-small-text-file.ts'
export { MAX_YAML_ALIAS_COUNT, parseYamlSafely, YamlProblem } from './parse-yaml-safely.ts'
export type { ParsedYaml } from './parse-yaml-safely.ts'

// Fact paths
export { lookupFact } from './lookup-fact.ts'
export { flattenFacts } from './flatten-facts.ts'
export type { FactEntry } from './flatten-facts.ts'

// Reply templates
export { fillTemplate, fillTemplateWithSlots } from './fill-template.ts'
export type { FilledSlot } from './fill-template.ts'
export { replyTemplateFor } from './reply-template-for.ts'
export { detectLanguage } from './detect-language.ts'

// Errors
export { KnowledgeError } from './knowledge-error.ts'
export type { KnowledgeErrorCode } from './knowledge-error.ts'
