/**
 * Byte-exact OpenAI Chat Completions wire fixtures, copied from real OpenAI responses
 * (ids shortened). Shared by the adapter tests and the router's HTTP tests; Azure's own
 * variants are in `azure-wire.ts`.
 */

/** A chat completion answering `content`, as OpenAI sends it (pretty-printed, with usage details). */
export const completionJson = (content = 'We open at 8 am on weekdays.') => `{
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
    "total_tokens": 29,
    "prompt_tokens_details": {
      "cached_tokens": 0,
      "audio_tokens": 0
    },
    "completion_tokens_details": {
      "reasoning_tokens": 0,
      "audio_tokens": 0,
      "accepted_prediction_tokens": 0,
      "rejected_prediction_tokens": 0
    }
  },
  "service_tier": "default",
  "system_fingerprint": "fp_06737a9306"
}
`

export const toolCallCompletionJson = `{
  "id": "chatcmpl-abc123",
  "object": "chat.completion",
  "created": 1699896916,
  "model": "gpt-4o-mini-2024-07-18",
  "choices": [
    {
      "index": 0,
      "message": {
        "role": "assistant",
        "content": null,
        "tool_calls": [
          {
            "id": "call_abc123",
            "type": "function",
            "function": {
              "name": "book_appointment",
              "arguments": "{\\n\\"day\\": \\"monday\\"\\n}"
            }
          }
        ],
        "refusal": null,
        "annotations": []
      },
      "logprobs": null,
      "finish_reason": "tool_calls"
    }
  ],
  "usage": {
    "prompt_tokens": 82,
    "completion_tokens": 17,
    "total_tokens": 99
  }
}
`

const chunkHead = '"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_06737a9306"'

export const roleChunk = `data: {${chunkHead},"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`
/** One content delta. */
export const textChunk = (text: string) => `data: {${chunkHead},"choices":[{"index":0,"delta":{"content":${JSON.stringify(text)}},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`
export const stopChunk = `data: {${chunkHead},"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}\n\n`
export const usageChunk = `data: {${chunkHead},"choices":[],"usage":{"prompt_tokens":19,"completion_tokens":5,"total_tokens":24,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}\n\n`
export const doneLine = 'data: [DONE]\n\n'

/** A full text stream with `stream_options.include_usage`: role, deltas, finish, usage, [DONE]. */
export const streamSse = (...texts: string[]) => roleChunk + texts.map(textChunk).join('') + stopChunk + usageChunk + doneLine

/** A tool-call stream: the call's arguments arrive in three deltas. */
export const toolCallStreamSse =
  `data: {${chunkHead},"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_DdmO9pD3xa9XTPNJ32zg2hcA","type":"function","function":{"name":"book_appointment","arguments":""}}],"refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}\n\n` +
  `data: {${chunkHead},"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\""}}]},"logprobs":null,"finish_reason":null}],"usage":null}\n\n` +
  `data: {${chunkHead},"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"day\\":\\"mon"}}]},"logprobs":null,"finish_reason":null}],"usage":null}\n\n` +
  `data: {${chunkHead},"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"day\\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}\n\n` +
  `data: {${chunkHead},"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}\n\n` +
  `data: {${chunkHead},"choices":[],"usage":{"prompt_tokens":82,"completion_tokens":17,"total_tokens":99}}\n\n` +
  doneLine

/** What OpenAI sends as an SSE error event (named `error`). */
export const errorEventSse = 'event: error\ndata: {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}\n\n'
/** What OpenAI sends as an unnamed error chunk mid-stream. */
export const errorChunkSse = 'data: {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}\n\n'

export const rateLimitBody = '{"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.","type":"requests","param":null,"code":"rate_limit_exceeded"}}'
export const contextLengthBody = '{"error":{"message":"This model\'s maximum context length is 128000 tokens. However, your messages resulted in 130412 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}'
export const serverErrorBody = '{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}'
export const badRequestBody = '{"error":{"message":"Invalid value for \'temperature\': must be between 0 and 2.","type":"invalid_request_error","param":"temperature","code":"invalid_value"}}'
export const quotaBody = '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}'

/** The 401 body echoes the key; this test key must never reach an LlmError, an event or a log. */
export const testApiKey = 'sk-test-9f8e7d6c5b4a39281706f5e4d3c2b1a0'
export const invalidKeyBody = `{"error":{"message":"Incorrect API key provided: ${testApiKey}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`

export const jsonHeaders = { 'content-type': 'application/json', 'x-request-id': 'req_6f1c0e2b9a' }
export const sseHeaders = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': 'req_6f1c0e2b9a' }
