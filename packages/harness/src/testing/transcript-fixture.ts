import { fileURLToPath } from 'node:url'

/**
 * The absolute path of a production-transcript fixture shipped with this package, for tests of
 * `voxguard import`. `twilio-intelligence`: a Twilio Conversational Intelligence transcript.
 * @example
 * await main(['import', transcriptFixture('twilio-intelligence'), '--out', out], io)
 */
export function transcriptFixture(name: 'twilio-intelligence'): string {
  return fileURLToPath(new URL(`../../fixtures/${name}-transcript.json`, import.meta.url))
}
