/**
 * Splits one caller utterance into its requests: at sentence ends (`?`, `.`, `!`, `。`, `？`)
 * and at joining words (", and", " and also", "also", "それと", "あと", "それから").
 * @example splitRequests('What are your Saturday hours, and how much is a cleaning?') // ['What are your Saturday hours', 'how much is a cleaning']
 */
export function splitRequests(utterance: string): string[] {
  return utterance
    .split(/[?？!！。]|\.(?!\d)|,?\s+and also\s+|,\s*and\s+|\balso\b|それと|それから|あと、/u)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}
