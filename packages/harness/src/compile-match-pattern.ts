import { RE2JS } from 're2js'

/** A compiled `matches:` expectation: `test(text)` runs in time linear in the text. */
export interface MatchPattern {
  test(text: string): boolean
}

/**
 * Compiles a `matches:` expectation of a call script: RE2 syntax (the JavaScript syntax
 * without look-around and back-references), case-insensitive. RE2 matches in linear time,
 * so a script author's pattern such as `(a+)+$` cannot stall the judge: JavaScript's
 * backtracking engine takes seconds on 28 letters for it. re2js is a pure-JavaScript port of
 * RE2 (the native `re2` addon needs a download from GitHub or a C++ build at install time).
 * @throws Error naming what RE2 could not parse.
 * @example
 * compileMatchPattern('9:00\\s+to').test('open from 9:00 to 13:00') // true
 */
export function compileMatchPattern(source: string): MatchPattern {
  const pattern = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE)
  return { test: (text) => pattern.test(text) }
}
