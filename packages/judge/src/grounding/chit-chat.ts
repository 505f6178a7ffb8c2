import { normalizeText } from '../internal/normalize-text.ts'

/** A feeling of the speaker's about what was said ("I love that", "me too", "I can imagine"). */
const FEELING = /^(?:(?:oh|wow|ah|haha|ha|well|yes|yeah|indeed)[\s,!.]+)*(?:i (?:really |just |absolutely |totally )?(?:love|like|adore|enjoy) (?:that|this|it|those|these|the idea|hearing)\b|me too|same here|i agree|i can imagine|i bet|fair enough|good for you|lucky (?:you|them|him|her)\b|i find (?:that|it|this|them|those)\b|(?:that |it )?makes (?:sense|you think)\b|no wonder\b|who knew\b|go figure\b)/iu

/** An evaluation of what was said ("That's fascinating!", "What a lovely idea", "How exciting"): an opening and an evaluative word. */
const EVALUATION_OPENING = /^(?:(?:oh|wow|ah|haha|ha|well|yes|yeah|indeed)[\s,!.]+)*(?:(?:that|this|it)(?:'s| is| was| sounds| seems| must (?:be|have been))|what an? |how |such an? |sounds |so )/iu
const EVALUATIVE = /\b(?:fascinating|amazing|interesting|neat|cool|incredible|impressive|remarkable|beautiful|magical|fun|exciting|special|fantastic|brilliant|stunning|gorgeous|lovely|wonderful|awesome|nice|great|lucky|adorable|sweet|cute|delicious|clever|smart|wild|crazy|surprising|funny|thrilling|spectacular|inspiring|charming|delightful|perfect|good|excellent|fabulous|marvellous|marvelous|terrific|unforgettable|memorable|relaxing|peaceful|romantic|scary|sad|shame|pity|handy|useful|weird|odd|strange|tough)\b/iu

/** An analogy the speaker offers ("Kind of like a built-in metal detector"): a comparison of its own, not a fact. */
const ANALOGY = /^(?:(?:it's|that's|it is|that is)\s+)?(?:kind of|sort of|a bit|a little|just|rather|much|pretty much) like\b/iu

/** Most words an analogy has ("Sort of like a tiny built-in metal detector for prey"). */
const MAX_ANALOGY_WORDS = 12

/** Most words a reaction has: a longer sentence may carry a fact after its opening ("That's right, they have three hearts"). */
const MAX_REACTION_WORDS = 7

/**
 * True for a short reaction that states nothing checkable: "That's fascinating!", "What a
 * lovely question!", "I love that!", "Lucky you!", "Sounds like a great trip.", "No wonder!",
 * "Clever little things.", "Kind of like a built-in compass." A sentence with a number, or
 * longer than a reaction, is not one.
 *
 * @example
 * isChitChat('Oh, I love that!')                 // true
 * isChitChat('That sounds amazing.')            // true
 * isChitChat("It's the largest of the moons.")  // false: longer, and a claim
 */
export function isChitChat(sentence: string): boolean {
  const text = normalizeText(sentence).replace(/’/gu, "'").trim()
  if (/\d/u.test(text)) return false
  const words = text.match(/[\p{L}']+(?:-[\p{L}']+)*/gu) ?? []
  if (words.length === 0) return false
  // An analogy is a comparison of the speaker's own, however long its image ("kind of like a built-in metal detector").
  if (ANALOGY.test(text) && words.length <= MAX_ANALOGY_WORDS) return true
  if (words.length > MAX_REACTION_WORDS) return false
  // "Clever little things.", "Handy when you're hunting bugs.": a fragment that opens with its evaluation.
  const opensWithEvaluation = EVALUATIVE.test(words[0] ?? '') && EVALUATIVE.exec(text)?.index === 0
  return FEELING.test(text) || ANALOGY.test(text) || opensWithEvaluation || (EVALUATION_OPENING.test(text) && EVALUATIVE.test(text))
}
