import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Tiny local stand-ins for the providers (OpenAI-compatible Chat Completions, which the
 * Azure OpenAI paths also are), so `--mock` runs offline. `failing` answers 503 like an
 * Azure region in an outage.
 */
export async function startLocalProvider(behaviour: 'failing' | 'healthy', answer: string): Promise<{ url: string; close: () => Promise<void> }> {
  const head = '"id":"chatcmpl-local","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini"'
  const server: Server = createServer(async (request, response) => {
    let body = ''
    for await (const chunk of request) body += String(chunk)
    if (behaviour === 'failing') {
      response.writeHead(503, { 'content-type': 'application/json' })
      response.end('{"error":{"code":"ServiceUnavailable","message":"The service is temporarily unable to process your request. Please try again later."}}')
      return
    }
    const words = answer.split(/(?<= )/)
    if ((JSON.parse(body) as { stream?: boolean }).stream !== true) {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ id: 'chatcmpl-local', object: 'chat.completion', created: 1741570283, model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }], usage: { prompt_tokens: 20, completion_tokens: words.length, total_tokens: 20 + words.length } }))
      return
    }
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' })
    for (const word of words) {
      response.write(`data: {${head},"choices":[{"index":0,"delta":{"content":${JSON.stringify(word)}},"finish_reason":null}]}\n\n`)
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
    response.write(`data: {${head},"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n`)
    response.write(`data: {${head},"choices":[],"usage":{"prompt_tokens":20,"completion_tokens":${words.length},"total_tokens":${20 + words.length}}}\n\n`)
    response.end('data: [DONE]\n\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
