/** Whether `text` (a leading BOM allowed) is one complete JSON value: a torn records line is not. */
export function isCompleteJson(text: string): boolean {
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    return true
  } catch {
    return false
  }
}
