/** Texts longer than this are computed every time (a whole free-text knowledge base is read once anyway). */
const LONGEST_REMEMBERED = 2000

/**
 * Wraps a pure function of a text so that it remembers its results for the last `size` texts
 * it read (forgets them all when full). One reply is read many times over (its sentences by
 * the dialogue acts, the polarity, the subject and the clause readers): each reads the same
 * text once. The wrapped function must not depend on anything but the text, and callers must
 * not change what it returns (copy a mutable result).
 */
export function rememberRecent<Result>(compute: (text: string) => Result, size = 1024): (text: string) => Result {
  const recent = new Map<string, Result>()
  return (text: string): Result => {
    const known = recent.get(text)
    if (known !== undefined) return known
    const result = compute(text)
    if (text.length <= LONGEST_REMEMBERED) {
      if (recent.size >= size) recent.clear()
      recent.set(text, result)
    }
    return result
  }
}
