/** A minimal OpenAI chat request body. */
export const chatBody = (extra: object = {}) =>
  JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], ...extra })

/** POSTs an OpenAI chat completion with raw fetch (the SDK is exercised elsewhere). */
export function postChat(baseUrl: string, extra: object = {}, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: chatBody(extra),
    ...init,
  })
}

/** Statuses of `count` sequential requests. */
export async function statuses(baseUrl: string, count: number): Promise<number[]> {
  const result: number[] = []
  for (let index = 0; index < count; index++) {
    const response = await postChat(baseUrl)
    await response.arrayBuffer()
    result.push(response.status)
  }
  return result
}

/** |observed − n·p| ≤ 4 standard deviations of a binomial(n, p). */
export function withinBinomialTolerance(observed: number, trials: number, probability: number): boolean {
  return Math.abs(observed - trials * probability) <= 4 * Math.sqrt(trials * probability * (1 - probability))
}
