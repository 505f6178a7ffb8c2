import { EventStreamCodec } from '@smithy/core/event-streams'

/** Byte-exact Bedrock Converse / ConverseStream fixtures (payloads as Bedrock sends them, incl. the `p` padding field). */

export const converseJson = '{"metrics":{"latencyMs":412},"output":{"message":{"content":[{"text":"We open at 8 am on weekdays."}],"role":"assistant"}},"stopReason":"end_turn","usage":{"inputTokens":21,"outputTokens":11,"totalTokens":32}}'

export const converseToolUseJson = '{"metrics":{"latencyMs":655},"output":{"message":{"content":[{"text":"Let me book that."},{"toolUse":{"input":{"day":"monday"},"name":"book_appointment","toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q"}}],"role":"assistant"}},"stopReason":"tool_use","usage":{"inputTokens":410,"outputTokens":54,"totalTokens":464}}'

const codec = new EventStreamCodec((bytes) => new TextDecoder().decode(bytes), (text) => new TextEncoder().encode(text))

/** One AWS event-stream message (prelude, headers, JSON payload, CRC32s). */
function frame(messageType: 'event' | 'exception', type: string, json: string): Uint8Array {
  return codec.encode({
    headers: {
      [messageType === 'event' ? ':event-type' : ':exception-type']: { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: messageType },
    },
    body: new TextEncoder().encode(json),
  })
}

/** A message carrying an event (`messageStart`, `contentBlockDelta`, …). */
export const eventFrame = (eventType: string, json: string): Uint8Array => frame('event', eventType, json)

/** A message carrying an exception, as Bedrock sends after HTTP 200. */
export const exceptionFrame = (exceptionType: string, json: string): Uint8Array => frame('exception', exceptionType, json)

export const messageStartFrame = () => eventFrame('messageStart', '{"p":"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW","role":"assistant"}')
export const textDeltaFrame = (text: string) => eventFrame('contentBlockDelta', `{"contentBlockIndex":0,"delta":{"text":${JSON.stringify(text)}},"p":"abcdefghijklmn"}`)
export const textStopFrame = () => eventFrame('contentBlockStop', '{"contentBlockIndex":0,"p":"abcdefghijklmnopqrstuvwxyzABCDEF"}')
export const messageStopFrame = (stopReason = 'end_turn') => eventFrame('messageStop', `{"p":"abcdefghijklmnopqrstu","stopReason":"${stopReason}"}`)
export const metadataFrame = () => eventFrame('metadata', '{"metrics":{"latencyMs":390},"p":"abcdefghijklmnopqrstuvwxyzABCDEFGHIJ","usage":{"inputTokens":21,"outputTokens":5,"totalTokens":26}}')

export const textStreamFrames = (): Uint8Array[] => [messageStartFrame(), textDeltaFrame('We open'), textDeltaFrame(' at 8 am.'), textStopFrame(), messageStopFrame(), metadataFrame()]

export const toolUseStreamFrames = (): Uint8Array[] => [
  messageStartFrame(),
  eventFrame('contentBlockStart', '{"contentBlockIndex":0,"p":"abcdefghijklmnopqrstuvwxyzA","start":{"toolUse":{"name":"book_appointment","toolUseId":"tooluse_9hB2pE3tQm6sJ0cVxXbF1w"}}}'),
  eventFrame('contentBlockDelta', '{"contentBlockIndex":0,"delta":{"toolUse":{"input":"{\\"day\\": "}},"p":"abcdefghijklmnopq"}'),
  eventFrame('contentBlockDelta', '{"contentBlockIndex":0,"delta":{"toolUse":{"input":"\\"monday\\"}"}},"p":"abcdefghijk"}'),
  eventFrame('contentBlockStop', '{"contentBlockIndex":0,"p":"abcdefghijklmnopqrstuvwxyzABCDEF"}'),
  messageStopFrame('tool_use'),
  eventFrame('metadata', '{"metrics":{"latencyMs":702},"p":"abcdefghijklmnopq","usage":{"inputTokens":410,"outputTokens":54,"totalTokens":464}}'),
]

export const eventStreamHeaders = { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': '7f3c0a9e-5b1d-4c2e-8f6a-0d9b4e2c1a73' }

/** The error type header as Bedrock sends it (name, then a colon and a namespace URL). */
export const errorHeaders = (errorType: string) => ({ 'content-type': 'application/json', 'x-amzn-requestid': '2b8e4f1a-9c3d-4e5f-a6b7-c8d9e0f1a2b3', 'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/` })
