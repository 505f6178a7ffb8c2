import type { KnowledgeIntent } from './knowledge-base-types.ts'

/**
 * The reply template of an intent for a caller speaking `language`: the intent's
 * `replies[language]` when the knowledge base has one, else its default `reply`. A regional
 * code falls back to its base language (`ja-JP` → `ja`).
 * @example replyTemplateFor(knowledgeBase.intents['hours']!, 'ja') // '土曜日は{facts.hours.saturday}…'
 */
export function replyTemplateFor(intent: Pick<KnowledgeIntent, 'reply' | 'replies'>, language: string | undefined): string {
  if (language === undefined || intent.replies === undefined) return intent.reply
  return intent.replies[language] ?? intent.replies[language.split('-')[0]!] ?? intent.reply
}
