import { readFileSync } from 'node:fs'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createLlmClient, type LlmClient } from '@voxguard/llm'
import { createLlmJudge, judgeCall } from '@voxguard/judge'
import { parseKnowledgeBase } from '@voxguard/knowledge'
import { callRecord } from '@voxguard/harness/testing'
import { knowledgeFixture } from '@voxguard/knowledge/testing'

const knowledgeFile = knowledgeFixture('clinic')
const knowledge = parseKnowledgeBase(readFileSync(knowledgeFile, 'utf8'), knowledgeFile)
const primaryUrl = 'https://judge-primary.example.test/v1/chat/completions'
const secondaryUrl = 'https://judge-secondary.example.test/v1/chat/completions'

/** A real OpenAI Chat Completions response body (ids shortened). Its own copy of the fixture in packages/llm/test/support: packages do not import each other's test folders. */
const completion = (content: string) => `{
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
  "usage": { "prompt_tokens": 412, "completion_tokens": 58, "total_tokens": 470 },
  "service_tier": "default",
  "system_fingerprint": "fp_06737a9306"
}
`
const serverError = '{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}'
const jsonHeaders = { 'content-type': 'application/json', 'x-request-id': 'req_0123456789abcdef' }

const server = setupServer()
const seen: Array<{ url: string; body: { model: string; temperature: number; messages: Array<{ role: string; content: string }> } }> = []
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  server.resetHandlers()
  seen.length = 0
  for (const client of clients) client.close()
  clients = []
})
afterAll(() => server.close())

let clients: LlmClient[] = []
function judge() {
  const client = createLlmClient({
    targets: {
      primary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://judge-primary.example.test/v1', apiKey: 'sk-judge-primary-000000000000' },
      secondary: { provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://judge-secondary.example.test/v1', apiKey: 'sk-judge-secondary-00000000000' },
    },
    routes: { judge: { chain: ['primary', 'secondary'], maxRetriesPerTarget: 0, initialBackoffMs: 5 } },
  })
  clients.push(client)
  return createLlmJudge({ client })
}

function answer(url: string, respond: () => Response) {
  server.use(
    http.post(url, async ({ request }) => {
      seen.push({ url, body: (await request.json()) as (typeof seen)[number]['body'] })
      return respond()
    }),
  )
}

const parkingVerdict = JSON.stringify({
  claims: [
    { claim: 'Parking is available at the clinic', verdict: 'contradicted', evidence: 'policies[3]: Parking is not available; use the coin parking behind the building.' },
    { claim: 'Parking is free', verdict: 'not_in_knowledge', evidence: '' },
  ],
})

describe('LLM judge at the HTTP boundary (OpenAI chat completions)', () => {
  it('decomposes the statements, and maps contradicted / not_in_knowledge with the knowledge entry', async () => {
    answer(primaryUrl, () => new HttpResponse(completion(parkingVerdict), { headers: jsonHeaders }))
    const checks = await judge().verify({ knowledge, context: 'Can I park there?', response: 'Yes, we have free parking for patients.', statements: ['Yes, we have free parking for patients.'] })
    expect(checks).toEqual([
      { text: 'Parking is available at the clinic', type: 'statement', status: 'contradicted', supported: false, evidence: { source: 'knowledge', path: 'policies[3]', value: 'Parking is not available; use the coin parking behind the building.' }, checkedBy: 'llm' },
      { text: 'Parking is free', type: 'statement', status: 'unsupported', supported: false, checkedBy: 'llm' },
    ])
    const request = seen[0]?.body
    expect(request).toMatchObject({ model: 'gpt-4o-mini', temperature: 0 })
    expect(request?.messages[0]?.content).toContain('"not_in_knowledge" if the knowledge does not say it')
    expect(request?.messages[1]?.content).toContain('facts.hours.saturday: 09:00-13:00')
    expect(request?.messages[1]?.content).toContain('- Yes, we have free parking for patients.')
  })

  it('falls back to the next target when the first answers 500', async () => {
    answer(primaryUrl, () => new HttpResponse(serverError, { status: 500, headers: jsonHeaders }))
    answer(secondaryUrl, () => new HttpResponse(completion('```json\n{"claims":[{"claim":"Parking is available","verdict":"supported","evidence":""}]}\n```'), { headers: jsonHeaders }))
    const checks = await judge().verify({ knowledge, context: [], response: 'Parking is available.' })
    expect(seen.map((request) => request.url)).toEqual([primaryUrl, secondaryUrl])
    expect(checks).toEqual([{ text: 'Parking is available', type: 'statement', status: 'supported', supported: true, checkedBy: 'llm' }])
  })

  it('rejects an answer that is not the JSON it asked for, with a clear error', async () => {
    answer(primaryUrl, () => new HttpResponse(completion('The reply looks fine to me.'), { headers: jsonHeaders }))
    await expect(judge().verify({ knowledge, context: [], response: 'Parking is available.' })).rejects.toMatchObject({ code: 'llm_judge_failed', message: expect.stringContaining('did not answer JSON') })
    answer(primaryUrl, () => new HttpResponse(completion('{"claims":[{"claim":"x","verdict":"maybe"}]}'), { headers: jsonHeaders }))
    await expect(judge().verify({ knowledge, context: [], response: 'x' })).rejects.toMatchObject({ code: 'llm_judge_failed', message: expect.stringContaining('claims.0.verdict') })
  })

  it('judgeCall sends only the statements the rules could not settle, and a contradiction fails the call', async () => {
    answer(primaryUrl, () => new HttpResponse(completion(parkingVerdict), { headers: jsonHeaders }))
    const record = callRecord({ turns: [{ reply: 'Sakura Dental Clinic, how can I help?' }, { caller: 'Can I park there?', reply: 'On Saturday we are open from 9:00 to 13:00. Yes, there is a big car park next to the supermarket across the street.' }] })
    const verdict = await judgeCall(record, { knowledge, llmJudge: judge() })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.body.messages[1]?.content).toContain('STATEMENTS TO VERIFY:\n- Yes, there is a big car park next to the supermarket across the street.')
    expect(verdict).toMatchObject({ outcome: 'fail', factor: 'dialogue' })
    expect(verdict.hallucinations[0]?.findings.map((finding) => `${finding.checkedBy} ${finding.status} ${finding.text}`)).toEqual(['llm contradicted Parking is available at the clinic', 'llm unsupported Parking is free'])
  })
})
