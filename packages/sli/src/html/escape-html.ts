/** Text safe in HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[character]!)
}
