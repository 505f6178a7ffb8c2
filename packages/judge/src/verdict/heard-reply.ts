import type { TurnRecord } from '@voxguard/harness'

const SENTENCE_END = /[.!?。！？]["'”’）)]*\s*$/u
const LAST_WORD = /(?:^|[\s、。，,！？!?])[^\s、。，,！？!?]*$/u
const TRAILING_VALUE = /(?:^|\s)\S*\d\S*\s*$/u

/**
 * The part of a reply to check for hallucinations. A reply the caller interrupted (barge-in)
 * stops where the caller cut in, usually mid-word or mid-value ("Thursday 09:" of
 * "09:00-18:00", "30000 ye"), so its unfinished last word and a value right before it
 * (whose unit or range may be missing) are left out; complete sentences are kept. Replies
 * that were not interrupted, or end with a full stop, are returned whole.
 */
export function heardReply(turn: TurnRecord): string {
  const text = turn.agent.text
  if (!turn.agent.interrupted || SENTENCE_END.test(text)) return text
  let heard = text.replace(LAST_WORD, '')
  while (TRAILING_VALUE.test(heard)) heard = heard.replace(TRAILING_VALUE, '')
  return heard
}
