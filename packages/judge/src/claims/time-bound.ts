import type { Claim } from './claim.ts'

/** English words right before a time that make it an opening time ("we open at 9", "starts at 3", "from 10"). */
const START_BEFORE = /\b(?:open(?:s|ing)?|reopen(?:s|ing)?|start(?:s|ing)?|begin(?:s|ning)?|from|as early as)(?:\s+(?:again|back|up|only))?(?:\s+(?:at|around|from))?\s*$/iu
/** English words right before a time that make it a closing time ("we close at 6", "until 8", "by 7", "as late as 11"). */
const END_BEFORE = /\b(?:clos(?:e|es|ing)|shut(?:s|ting)?|end(?:s|ing)?|finish(?:es|ing)?|until|till|til|by|as late as|no later than)(?:\s+(?:at|around|by))?\s*$/iu
/** Japanese says it after the time: 9時から, 9時に開店 (opening); 6時まで, 6時に閉店 (closing). */
const START_AFTER = /^\s*(?:から|より|に(?:開|オープン|スタート|始ま)|開(?:店|院|館|場|始))/u
const END_AFTER = /^\s*(?:まで|に(?:閉|終了|終わ|締め)|閉(?:店|院|館|場|まり))/u

/**
 * Marks each clock time said as an opening or a closing time (`bound`): "we open at 7" is the
 * start of the day's hours, not their end, so it does not agree with 19:00 even though "7" may
 * mean 7 pm; "until 8", 8時まで, "as late as 11" are ends. Times inside a range are left alone.
 */
export function readTimeBounds(text: string, claims: Claim[]): void {
  for (const claim of claims) {
    if (claim.value.kind !== 'time') continue
    const before = text.slice(Math.max(0, claim.start - 30), claim.start)
    const after = text.slice(claim.end, claim.end + 8)
    const bound = START_BEFORE.test(before) || START_AFTER.test(after) ? 'start' : END_BEFORE.test(before) || END_AFTER.test(after) ? 'end' : undefined
    if (bound) claim.value.bound = bound
  }
}
