import type { CallRecord } from '../call-record.ts'
import type { RedactionPattern } from '../redact-text.ts'

/** Tool arguments that hold a person's name (`name`, `patientName`, `caller_name`, …). */
const NAME_ARGUMENT = /name$/i
/** How callers give their name: "my name is Aiko Tanaka", "this is Ken", "山田と申します", "名前は山田です". */
const GIVEN_NAME = [
  /\b(?:my name is|name's|this is|i am|i'm|it's under|under the name(?: of)?)\s+((?:[A-Z][a-z'-]+)(?:\s+[A-Z][a-z'-]+){0,2})/g,
  /([\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]{1,8}?)(?:と申します|といいます)/gu,
  /(?:名前は|なまえは)([\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]{1,8}?)(?:です|と申します)/gu,
]
/** Capitalised words that follow "this is" / "I'm" without being names. */
const NOT_NAMES = new Set(['I', 'Sakura', 'Dental', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'A', 'An'])

/**
 * Redaction rules for the names the caller gave in a call: the values of name-like tool
 * arguments (`book_appointment { name }`) and names after "my name is", "this is", "I'm",
 * "と申します". Each becomes `[name]` wherever it appears in the record (as a whole word, any
 * case), with the harness's `redactText`. A heuristic: a name the caller spelled another way
 * is not found.
 */
export function callerNamePatterns(record: CallRecord): RedactionPattern[] {
  const names = new Set<string>()
  const add = (value: string) => {
    for (const part of value.split(/\s+/)) if (part.length >= 2 && !NOT_NAMES.has(part)) names.add(part)
  }
  for (const turn of record.turns) {
    for (const call of turn.agent.toolCalls) {
      for (const [key, value] of Object.entries(call.arguments)) if (NAME_ARGUMENT.test(key) && typeof value === 'string') add(value)
    }
    const said = turn.caller && 'text' in turn.caller ? turn.caller.text : undefined
    if (!said) continue
    for (const pattern of GIVEN_NAME) for (const match of said.matchAll(pattern)) add(match[1]!)
  }
  return [...names]
    .sort((left, right) => right.length - left.length)
    .map((name) => {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const bounded = /^[A-Za-z]/.test(name) ? `\\b${escaped}\\b` : escaped
      return { pattern: new RegExp(bounded, 'giu'), replacement: '[name]' }
    })
}
