import type { KnowledgeBase } from '@voxguard/knowledge'
import type { AgentConfig } from './agent-config.ts'
import type { AgentContext } from './agent-context.ts'
import type { Logger } from './logger.ts'
import { CANNED_LINES } from './prompts.ts'
import { createSpeechEngines } from './speech/create-speech-engines.ts'

/**
 * Builds the speech engines agent.yaml `speech` names (offline or OpenAI) and pre-synthesises every canned line (the apology
 * above all: it must play even when everything else is failing). Returns undefined, with
 * an error log naming the missing package, when speech is off or unavailable; the
 * /twilio endpoint then refuses calls and /text keeps working.
 */
export async function createSpeech(config: AgentConfig['speech'], knowledgeBase: KnowledgeBase, greeting: string, logger: Logger): Promise<AgentContext['speech']> {
  if (config.recognizer === 'none' || config.synthesizer === 'none') return undefined
  const prices = knowledgeBase.facts['prices_yen']
  const { recognizer, synthesizer } = createSpeechEngines(config, typeof prices === 'object' ? Object.keys(prices) : [])
  const cannedAudio = new Map<string, Uint8Array>()
  try {
    const lines: Array<[string, string]> = [['greeting', greeting], ...Object.entries(CANNED_LINES)]
    const signal = AbortSignal.timeout(20_000)
    for (const [name, text] of lines) cannedAudio.set(name, await synthesizer.synthesize(text, signal))
  } catch (error) {
    logger.error('speech unavailable; /twilio disabled', { error: error instanceof Error ? error.message : String(error) })
    return undefined
  }
  return { recognizer, synthesizer, cannedAudio }
}
