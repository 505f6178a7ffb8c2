import type { TurnRecord } from '@voxguard/harness'
import { fillTemplate, type KnowledgeBase } from '@voxguard/knowledge'
import { normalizeText } from '../internal/normalize-text.ts'
import { replySimilarity } from './text-match.ts'

const GENERIC_FALLBACK =
  /\bi(?:'m| am) (?:sorry|afraid),? (?:but )?i (?:didn't|did not|don't|do not|can't|cannot) (?:understand|catch|follow|help with that)|\bi can (?:only )?help (?:you )?with\b|\bcould you (?:please )?(?:repeat|rephrase|say that again)|\bi(?:'m| am) not sure what you mean|よく(?:わかり|分かり)ません|聞き取れません|もう一度(?:お願い|おっしゃって)|お手伝いできるのは|対応できるのは/iu

/**
 * Detects the same (or a near-duplicate) reply given again and again: always for a
 * re-prompt/fallback, for a real answer only when the caller turns differ and do not all ask
 * for the intent that answer serves. Returns the turns of the first run of `threshold` repeats.
 */
export function findLoop(turns: TurnRecord[], threshold: number, similarityRatio: number, knowledge?: KnowledgeBase): TurnRecord[] | undefined {
  const replies = turns.filter((turn) => turn.index > 0 && turn.agent.text.trim() !== '')
  for (const [position, turn] of replies.entries()) {
    const same = [turn, ...replies.slice(position + 1).filter((other) => normalizeText(other.agent.text) === normalizeText(turn.agent.text) || replySimilarity(other.agent.text, turn.agent.text) >= similarityRatio)]
    if (same.length < threshold) continue
    // A re-prompt or fallback said again and again is a loop whatever the caller said. A real
    // answer repeated is not, when the caller asked the same words again or every caller turn
    // asks for the intent that answer serves (several wordings of one question).
    const answered = replyIntent(turn.agent.text, knowledge)
    if (answered === 'fallback') return same.slice(0, threshold)
    const callerTexts = new Set(same.map((other) => normalizeText(other.caller && 'text' in other.caller ? other.caller.text : `#${other.index}`).trim()))
    const askedTheSame = callerTexts.size <= 1 || (answered !== undefined && same.every((other) => other.caller && 'text' in other.caller && clearIntent(other.caller.text, knowledge) === answered))
    if (!askedTheSame) return same.slice(0, threshold)
  }
  return undefined
}

function intentScores(text: string, knowledge: KnowledgeBase | undefined): Array<[string, number]> {
  if (!knowledge) return []
  const normalized = normalizeText(text)
  return Object.entries(knowledge.intents)
    .filter(([name, intent]) => name !== 'fallback' && intent.keywords.length > 0)
    .map(([name, intent]): [string, number] => [name, intent.keywords.filter((keyword) => new RegExp(`(?<![a-z])${normalizeText(keyword).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u').test(normalized)).length])
    .filter(([, score]) => score > 0)
    .sort((left, right) => right[1] - left[1])
}

/** The caller's intent when exactly one intent scores highest on its keywords. */
export function clearIntent(callerText: string, knowledge: KnowledgeBase | undefined): string | undefined {
  const [first, second] = intentScores(callerText, knowledge)
  return first && (!second || second[1] < first[1]) ? first[0] : undefined
}

/** The intent whose reply template the reply resembles most (similarity ≥ 0.5), or `fallback`. */
export function replyIntent(reply: string, knowledge: KnowledgeBase | undefined): string | undefined {
  let best: [string, number] | undefined
  for (const [name, intent] of Object.entries(knowledge?.intents ?? {})) {
    const similarity = replySimilarity(reply, fillTemplate(intent.reply, knowledge as KnowledgeBase))
    if (similarity >= 0.5 && (!best || similarity > best[1])) best = [name, similarity]
  }
  if (best) return best[0]
  return GENERIC_FALLBACK.test(normalizeText(reply)) ? 'fallback' : undefined
}

/**
 * The agent answered a different intent than the caller asked: a fallback ("I can help
 * with...") to a clear question, or a reply built for another intent than the one the
 * caller's words (knowledge-base intent keywords) clearly select.
 */
export function misunderstood(callerText: string, reply: string, knowledge: KnowledgeBase | undefined, expectedSomething: boolean): { asked?: string; answered: string } | undefined {
  if (reply.trim() === '') return undefined
  const answered = replyIntent(reply, knowledge)
  if (!answered) return undefined
  const asked = clearIntent(callerText, knowledge)
  if (answered === 'fallback') return asked || expectedSomething ? { ...(asked ? { asked } : {}), answered } : undefined
  if (asked && asked !== answered && !['goodbye', 'human'].includes(answered)) return { asked, answered }
  return undefined
}
