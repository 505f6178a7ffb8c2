import { normalizeText } from '../internal/normalize-text.ts'

/**
 * Sentences a phone agent says that carry no checkable claim about the business. The
 * built-in check abstains on them: they are neither supported nor hallucinated.
 */
export type DialogueAct = 'greeting' | 'offer-to-help' | 'let-me-check' | 'question' | 'handoff' | 'acknowledgement' | 'closing' | 'apology' | 'request' | 'self-report'

/** Courtesy words a sentence may start with before its content ("Sure, ...", "はい、..."). */
const LEADING_COURTESY = /^(?:(?:(?:good|great|excellent|interesting) question|yes|yeah|yep|no|sure|of course|certainly|okay|ok|great|perfect|alright|all right|absolutely|definitely|got it|i see|understood|wonderful|excellent|thanks|thank you|unfortunately|sadly|(?:i'm|i am|we're|we are) (?:so |very |terribly )?sorry(?:,? but)?|sorry(?:,? but)?|i'm afraid|はい|いいえ|ええ|かしこまりました|承知いたしました|承知しました|もちろんです|ありがとうございます|申し訳(?:ございません|ありません)が|恐れ入りますが|あいにく(?:ですが)?|残念ながら)(?:\s*[,、!.。！]+\s*|\s+(?=\p{L}))?)+/iu

const ACTS: ReadonlyArray<readonly [DialogueAct, RegExp]> = [
  ['greeting', /^(?:hello|hi|hey|good (?:morning|afternoon|evening)|welcome|thank(?:s| you) for (?:calling|holding|waiting|your patience)|this is \p{L}+|you(?:'ve| have) reached|お電話ありがとうございます|お待たせ(?:いたし|し)ました|こんにちは|おはようございます|こんばんは|いらっしゃいませ)/iu],
  ['let-me-check', /^(?:let me (?:check|see|look|confirm|find|pull|verify)|(?:one|just a) (?:moment|second|sec)|hold on|bear with me|give me a (?:moment|second)|i(?:'ll| will) (?:check|look|find out|confirm|verify)|少々お待ち|確認(?:いたします|します|いたしますので|しますので)|お調べ(?:いたします|します)|お待ちください)/iu],
  ['handoff', /(?:transfer|connect|put) you (?:through|to|with)|(?:speak|talk) (?:to|with) (?:a|one of our|our) (?:staff|team|receptionist|person|human|colleague|manager)|(?:someone|a staff member|a colleague|our team) will (?:call|get back|contact|be with)|(?:担当者|スタッフ|受付)(?:に|へ)(?:おつなぎ|お繋ぎ|代わり|転送)|おつなぎ(?:いたします|します)|折り返し(?:ご連絡|お電話)/iu],
  ['offer-to-help', /^(?:i(?:'d| would) be (?:happy|glad|delighted) to|happy to help|glad to help|i can help|i(?:'m| am) here to help|how (?:can|may) i (?:help|assist)|what can i do|is there anything (?:else )?i can|anything else|feel free to|let me know if|if you (?:have|need) any|i can (?:book|reserve|schedule|cancel|check|help|arrange|set)|shall i|would you like|do you want|can i (?:help|book|get|have)|may i (?:help|have|ask|get)|please (?:let me know|tell me|hold|call|feel free)|何か(?:ほかに|他に)?(?:ございましたら|ご質問)|お手伝い(?:いたします|します|できること)|ご予約(?:を)?お取り(?:いたしましょうか|しましょうか)|いかがでしょうか|いかがいたしましょうか)/iu],
  ['closing', /(?:お電話|ご連絡)ありがとうございま(?:す|した)[。.!！]?$|^(?:(?:good)?bye|goodbye|have a (?:nice|good|great|lovely|wonderful) |take care|see you|talk to you|enjoy your|we look forward to (?:seeing|hearing)|looking forward to|お大事に|失礼(?:いたします|します)|またのお越し|お待ちしております|よろしくお願い(?:いたします|します))/iu],
  ['apology', /^(?:(?:i'm|i am|we're|we are) (?:so |very |terribly )?sorry|(?:my|our) apologies|sorry|apologies|申し訳(?:ございません|ありません)|すみません|失礼いたしました)(?:\s+(?:for|about|to hear)\b[^.!?]*)?[\s.!。！]*$/iu],
  // What the agent could not do for this caller ("I could not find an appointment for Sasaki") says nothing about the business.
  ['self-report', /^i (?:could not|couldn't|can't|cannot|was unable to|am unable to|didn't|did not) (?:find|locate|see|reach|get|access|book|cancel|change|move)\b/iu],
  ['request', /^(?:please|kindly|just|remember to|don't forget to|make sure (?:to|you))\b|(?:ください|下さい|くださいませ|お願いいたします|お願いします)[。.!！]?\s*$/iu],
  ['acknowledgement', /^(?:(?:yes|yeah|no|sure|of course|certainly|okay|ok|great|perfect|alright|all right|absolutely|got it|i see|understood|noted|wonderful|excellent|sounds good|no problem|you(?:'re| are) welcome|my pleasure|thanks|thank you)[\s!.,]*$|はい[。!！]?$|かしこまりました[。!！]?$|承知(?:いたしました|しました)[。!！]?$)/iu],
]

const QUESTION = /[?？]\s*$|(?:ですか|ますか|でしょうか|ませんか|ましょうか|か)[。.]?\s*$/u

/**
 * "Did you know it started in New Orleans?": a rhetorical question that states its complement
 * (the speaker presupposes it is true: "know" is a factive verb), not a question back to the
 * listener. "Do you know where…", "Did you know about…" ask.
 */
const FACTIVE_QUESTION = /^(?:(?:and|but|so|oh|also|well)[\s,]+)?(?:did|do) you (?:also |even |ever )?know (?:that )?(?!(?:what|where|when|who|whom|why|how|which|if|whether|about|any|anything|anyone|someone|something|of)\b)\p{L}+(?:\s+\S+){2,}/iu

/**
 * The dialogue act of a sentence (greeting, offer to help, "let me check", question back to
 * the caller, hand-off offer, acknowledgement, closing, apology, a request to the caller —
 * "please bring your card", 「保険証をお持ちください」), or undefined when it may
 * state a fact. A fact said after a courtesy word ("Sure, we open at nine") still counts: the
 * courtesy word is dropped first.
 *
 * @example
 * dialogueActOf('Let me check that for you.')       // 'let-me-check'
 * dialogueActOf('Would you like to book a session?') // 'question'
 * dialogueActOf('Parking is free.')                 // undefined
 */
export function dialogueActOf(sentence: string): DialogueAct | undefined {
  const normalized = normalizeText(sentence).trim()
  if (QUESTION.test(normalized) && !FACTIVE_QUESTION.test(normalized.replace(LEADING_COURTESY, ''))) return 'question'
  const stripped = normalized.replace(LEADING_COURTESY, '').trim()
  if (stripped === '' || /^[\p{P}\s]*$/u.test(stripped)) return 'acknowledgement'
  for (const [act, pattern] of ACTS) if (pattern.test(stripped) || (stripped !== normalized && pattern.test(normalized))) return act
  return undefined
}

/** The sentence without the courtesy words it starts with ("Sure! We open at 9" → "We open at 9"). */
export function withoutCourtesy(sentence: string): string {
  return normalizeText(sentence).trim().replace(LEADING_COURTESY, '').trim()
}
