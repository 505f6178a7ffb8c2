import type { TurnRecord } from '@voxguard/harness'
import { fillTemplate, type KnowledgeBase } from '@voxguard/knowledge'
import { normalizeText } from '../internal/normalize-text.ts'
import { isHandoffTool } from './is-handoff-tool.ts'
import { replyTokens, tokenSimilarity } from './text-match.ts'

const GENERIC_FALLBACK =
  /\bi(?:'m| am) (?:sorry|afraid),? (?:but )?i (?:didn't|did not|don't|do not|can't|cannot) (?:understand|catch|follow|help with that)|\bi can (?:only )?help (?:you )?with\b|\bcould you (?:please )?(?:repeat|rephrase|say that again)|\bi(?:'m| am) not sure what you mean|よく(?:わかり|分かり)ません|聞き取れません|もう一度(?:お願い|おっしゃって)|お手伝いできるのは|対応できるのは/iu

/**
 * Detects the same (or a near-duplicate) reply given again and again: always for a
 * re-prompt/fallback, for a real answer only when the caller turns differ and do not all ask
 * for the intent that answer serves. Returns the turns of the first run of `threshold` repeats.
 */
export function findLoop(turns: TurnRecord[], threshold: number, similarityRatio: number, knowledge?: KnowledgeBase): TurnRecord[] | undefined {
  const replies = turns
    .filter((turn) => turn.index > 0 && turn.agent.text.trim() !== '')
    .map((turn) => ({ turn, normalized: normalizeText(turn.agent.text), tokens: replyTokens(turn.agent.text) }))
  for (const [position, { turn, normalized, tokens }] of replies.entries()) {
    const same = [
      turn,
      ...replies
        .slice(position + 1)
        .filter((other) => other.normalized === normalized || tokenSimilarity(other.tokens, tokens, other.turn.agent.text, turn.agent.text) >= similarityRatio)
        .map((other) => other.turn),
    ]
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

interface IntentModel {
  name: string
  /** One pattern per keyword (normalised, matched at a word start). */
  keywords: RegExp[]
  /** Tokens of the filled reply template. */
  replyTokens: ReadonlySet<string>
  replyText: string
  /** The intent hands the call to a person (its tool is a hand-off or transfer). */
  handsOff: boolean
}

const intentModels = new WeakMap<KnowledgeBase, IntentModel[]>()

/** The knowledge base's intents with compiled keyword patterns and filled, tokenised reply templates (once per knowledge base). */
function intentsOf(knowledge: KnowledgeBase): IntentModel[] {
  let models = intentModels.get(knowledge)
  if (!models) {
    models = Object.entries(knowledge.intents).map(([name, intent]) => {
      const replyText = fillTemplate(intent.reply, knowledge)
      return {
        name,
        keywords: intent.keywords.map((keyword) => new RegExp(`(?<![a-z])${normalizeText(keyword).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u')),
        replyTokens: replyTokens(replyText),
        replyText,
        handsOff: isHandoffTool(intent.tool),
      }
    })
    intentModels.set(knowledge, models)
  }
  return models
}

function intentScores(text: string, knowledge: KnowledgeBase | undefined): Array<[string, number]> {
  if (!knowledge) return []
  const normalized = normalizeText(text)
  return intentsOf(knowledge)
    .filter((intent) => intent.name !== 'fallback' && intent.keywords.length > 0)
    .map((intent): [string, number] => [intent.name, intent.keywords.filter((keyword) => keyword.test(normalized)).length])
    .filter(([, score]) => score > 0)
    .sort((left, right) => right[1] - left[1])
}

function topIntent([first, second]: Array<[string, number]>): string | undefined {
  return first && (!second || second[1] < first[1]) ? first[0] : undefined
}

/** The caller's intent when exactly one intent scores highest on its keywords. */
export function clearIntent(callerText: string, knowledge: KnowledgeBase | undefined): string | undefined {
  return topIntent(intentScores(callerText, knowledge))
}

/** The intent whose reply template the reply resembles most (similarity ≥ 0.5), or `fallback`. */
export function replyIntent(reply: string, knowledge: KnowledgeBase | undefined): string | undefined {
  let best: [string, number] | undefined
  if (knowledge) {
    const tokens = replyTokens(reply)
    for (const intent of intentsOf(knowledge)) {
      const similarity = tokenSimilarity(tokens, intent.replyTokens, reply, intent.replyText)
      if (similarity >= 0.5 && (!best || similarity > best[1])) best = [intent.name, similarity]
    }
  }
  if (best) return best[0]
  return GENERIC_FALLBACK.test(normalizeText(reply)) ? 'fallback' : undefined
}

/**
 * The agent answered a different intent than the caller asked: a fallback ("I can help
 * with...") to a clear question, or a reply built for another intent than the one the
 * caller's words (knowledge-base intent keywords) clearly select. Not a misunderstanding:
 * answering an intent the caller's words also select ("the price? never mind, bye" →
 * goodbye), or handing the call to a person (an intent whose tool is a hand-off/transfer).
 */
export function misunderstood(callerText: string, reply: string, knowledge: KnowledgeBase | undefined, expectedSomething: boolean): { asked?: string; answered: string } | undefined {
  if (reply.trim() === '') return undefined
  const answered = replyIntent(reply, knowledge)
  if (!answered) return undefined
  const scores = intentScores(callerText, knowledge)
  const asked = topIntent(scores)
  if (answered === 'fallback') return asked || expectedSomething ? { ...(asked ? { asked } : {}), answered } : undefined
  const alsoAsked = scores.some(([name]) => name === answered)
  const handsOff = knowledge !== undefined && intentsOf(knowledge).some((intent) => intent.name === answered && intent.handsOff)
  if (asked && asked !== answered && !alsoAsked && !handsOff) return { asked, answered }
  return undefined
}
