/** Byte-exact Azure OpenAI Chat Completions bodies and headers (from real responses, ids shortened) for the adapter and router tests. */

const filterOk = '{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}'

/** An Azure chat completion: prompt_filter_results, content_filter_results per choice, keys sorted as Azure sends them. */
export const azureCompletionJson = (content: string) =>
  `{"choices":[{"content_filter_results":${filterOk},"finish_reason":"stop","index":0,"logprobs":null,"message":{"annotations":[],"content":${JSON.stringify(content)},"refusal":null,"role":"assistant"}}],"created":1741569952,"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","model":"gpt-4o-mini-2024-07-18","object":"chat.completion","prompt_filter_results":[{"prompt_index":0,"content_filter_results":${filterOk}}],"system_fingerprint":"fp_b705f0c291","usage":{"completion_tokens":10,"completion_tokens_details":{"accepted_prediction_tokens":0,"audio_tokens":0,"reasoning_tokens":0,"rejected_prediction_tokens":0},"prompt_tokens":19,"prompt_tokens_details":{"audio_tokens":0,"cached_tokens":0},"total_tokens":29}}\n`

const azureChunk = (choice: string, usage = 'null') =>
  `data: {"choices":[${choice}],"created":1741570283,"id":"chatcmpl-B9NbU5hXDOjn2NNDpMk0Vn5C1zGvG","model":"gpt-4o-mini-2024-07-18","object":"chat.completion.chunk","system_fingerprint":"fp_b705f0c291","usage":${usage}}\n\n`

/** A real Azure stream: a prompt_filter_results chunk without choices first, then the deltas, finish, usage and [DONE]. */
export const azureStreamSse = (...texts: string[]) =>
  `data: {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":${filterOk}}]}\n\n` +
  azureChunk('{"content_filter_results":{},"delta":{"content":"","refusal":null,"role":"assistant"},"finish_reason":null,"index":0,"logprobs":null}') +
  texts.map((text) => azureChunk(`{"content_filter_results":${filterOk},"delta":{"content":${JSON.stringify(text)}},"finish_reason":null,"index":0,"logprobs":null}`)).join('') +
  azureChunk('{"content_filter_results":{},"delta":{},"finish_reason":"stop","index":0,"logprobs":null}') +
  azureChunk('', '{"completion_tokens":5,"prompt_tokens":19,"total_tokens":24}') +
  'data: [DONE]\n\n'

/** Azure's 429 when a deployment's tokens-per-minute quota is used up. */
export const azureRateLimitBody = (retryAfterSeconds: number) =>
  `{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current AIServices S0 pricing tier. Please retry after ${retryAfterSeconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit."}}`

export const azureServerErrorBody = '{"error":{"code":"InternalServerError","message":"The server had an error while processing your request. Sorry about that!"}}'

/** A prompt blocked by Azure's content filter (400, `innererror.content_filter_result` names the category). */
export const azureContentFilterBody = '{"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI\'s content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":false,"severity":"safe"},"jailbreak":{"filtered":false,"detected":false},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"medium"}}}}}'
export const azureAccessDeniedBody = '{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}'
export const azureDeploymentNotFoundBody = '{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}'

/** Headers of an Azure answer from one region (no x-ratelimit-reset-* : Azure does not send them). */
export const azureHeaders = (region: string) => ({
  'content-type': 'application/json',
  'apim-request-id': '6b1d3c7e-2f4a-4d59-9a0e-3c8f1b2d4e6a',
  'x-request-id': 'f3a9c2d1-7b8e-4c5a-9d0f-1e2b3c4d5e6f',
  'x-ms-region': region,
  'x-ratelimit-remaining-requests': '249',
  'x-ratelimit-remaining-tokens': '249000',
  'x-ms-rai-invoked': 'true',
})

export const azureSseHeaders = (region: string) => ({ ...azureHeaders(region), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })

/** Headers of Azure's 429: the wait in seconds and, more precisely, in milliseconds. */
export const azureRateLimitHeaders = (region: string, retryAfterMs: number) => ({
  'content-type': 'application/json',
  'apim-request-id': '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  'x-ms-region': region,
  'retry-after': String(Math.ceil(retryAfterMs / 1000)),
  'x-ms-retry-after-ms': String(retryAfterMs),
  'x-ratelimit-remaining-requests': '248',
  'x-ratelimit-remaining-tokens': '0',
})
