// The knowledge-base format v1 as TypeScript types (reference: the package README).

/** A fact value: text or a number (YAML `5000` stays the number 5000). */
export type FactValue = string | number

/** The `facts` section: a nested mapping whose leaves are fact values. */
export interface FactTree {
  [key: string]: FactValue | FactTree
}

/** One intent: caller keywords that select it, the reply template, and an optional tool. */
export interface KnowledgeIntent {
  /** Words or phrases (any language, lower case) that select the intent. Default `[]`. */
  keywords: string[]
  /** Reply template; `{facts.path}` placeholders are filled from `facts`. */
  reply: string
  /**
   * Optional reply templates in other languages, language code → template
   * (`{ ja: '土曜日は{facts.hours.saturday}です。' }`): an agent or the mock brain answering a
   * caller in that language uses it instead of `reply`. Absent when the file has none.
   */
  replies?: Record<string, string> | undefined
  /** Tool called instead of replying, when the request offers a tool of that name. */
  tool?: string | undefined
}

/** A knowledge base, format version 1 (reference: the package README). */
export interface KnowledgeBase {
  version: 1
  /** Checkable facts. Default `{}`. */
  facts: FactTree
  /** Free-text statements that are true for the business. Default `[]`. */
  policies: string[]
  /** Intents by name. Default `{}`. */
  intents: Record<string, KnowledgeIntent>
  /**
   * Optional: the business's trade words, canonical term → words and phrases (any language)
   * that mean it (`{ cleaning: ['scaling', 'クリーニング'] }`). Not facts: the judge uses it to
   * relate words to fact keys and never reads it as a source of claims. Absent when the file
   * has no `vocabulary` section.
   */
  vocabulary?: Record<string, string[]> | undefined
}
