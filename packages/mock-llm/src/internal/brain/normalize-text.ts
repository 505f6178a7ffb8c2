/** Case- and width-insensitive form for matching: NFKC (full-width → ASCII, half-width kana → full-width), lower case, straight apostrophes. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll(/[‘’]/g, "'")
}
