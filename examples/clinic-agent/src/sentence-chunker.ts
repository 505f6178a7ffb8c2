/**
 * Cuts streamed text into sentences so speech synthesis can start on the first one
 * while the model is still writing the rest.
 */
export class SentenceChunker {
  #buffer = ''

  /** Adds text; returns the sentences it completed. */
  push(text: string): string[] {
    this.#buffer += text
    const sentences: string[] = []
    let match: RegExpExecArray | null
    while ((match = /[.!?。](\s+|$)/.exec(this.#buffer)) && match.index + match[0].length < this.#buffer.length) {
      const end = match.index + match[0].length
      const sentence = this.#buffer.slice(0, end).trim()
      if (sentence) sentences.push(sentence)
      this.#buffer = this.#buffer.slice(end)
    }
    return sentences
  }

  /** The unfinished rest ('' when none). */
  flush(): string {
    const rest = this.#buffer.trim()
    this.#buffer = ''
    return rest
  }
}
