/** Byte-exact OpenAI Chat Completions bodies (from real responses, ids shortened) for the router's HTTP tests. */

export const completionJson = (content: string) => `{
  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
  "object": "chat.completion",
  "created": 1741569952,
  "model": "gpt-4o-mini-2024-07-18",
  "choices": [
    {
      "index": 0,
      "message": {
        "role": "assistant",
        "content": ${JSON.stringify(content)},
        "refusal": null,
        "annotations": []
      },
      "logprobs": null,
      "finish_reason": "stop"
    }
  ],
  "usage": {
    "prompt_tokens": 19,
    "completion_tokens": 10,
    "total_tokens": 29
  },
  "service_tier": "default",
  "system_fingerprint": "fp_06737a9306"
}
`

const head = '"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306"'
export const roleChunk = `data: {${head},"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`
export const textChunk = (text: string) => `data: {${head},"choices":[{"index":0,"delta":{"content":${JSON.stringify(text)}},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`
export const stopChunk = `data: {${head},"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}\n\n`
export const usageChunk = `data: {${head},"choices":[],"usage":{"prompt_tokens":19,"completion_tokens":5,"total_tokens":24}}\n\n`
export const doneLine = 'data: [DONE]\n\n'
export const streamSse = (...texts: string[]) => roleChunk + texts.map(textChunk).join('') + stopChunk + usageChunk + doneLine
export const errorEventSse = 'event: error\ndata: {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}\n\n'

export const serverErrorBody = '{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}'
export const rateLimitBody = '{"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.","type":"requests","param":null,"code":"rate_limit_exceeded"}}'
export const badRequestBody = '{"error":{"message":"Invalid value for \'temperature\': must be between 0 and 2.","type":"invalid_request_error","param":"temperature","code":"invalid_value"}}'
export const primaryKey = 'sk-primary-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d'
export const invalidKeyBody = `{"error":{"message":"Incorrect API key provided: ${primaryKey}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`

export const jsonHeaders = { 'content-type': 'application/json', 'x-request-id': 'req_6f1c0e2b9a' }
export const sseHeaders = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': 'req_6f1c0e2b9a' }
