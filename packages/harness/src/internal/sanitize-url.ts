/** The agent URL as recorded: user, password and query values removed (they may be secrets). */
export function sanitizeUrl(text: string): string {
  try {
    const url = new URL(text)
    url.username = ''
    url.password = ''
    for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***')
    return url.toString()
  } catch {
    return '(invalid url)'
  }
}
