/**
 * Speech recognisers for the harness's `heardText`, side by side on the same agent replies:
 * word error rate (character error rate for Japanese) and CPU seconds per second of audio.
 * Each reply is synthesised by the clinic agent's own TTS path (espeak-ng → sox → 8 kHz
 * μ-law, as on the wire) and transcribed by each candidate.
 *
 * cd bench && node --conditions=source asr-recognizers.bench.ts [--quick]
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createEspeakSynthesizer } from '@voxguard/example-clinic-agent'
import { decodeMulaw } from '@voxguard/harness/audio'
import { createPocketsphinxRecognizer, knowledgeLanguageModel, spokenForm, wordErrorRate, type SpeechRecognizer } from '@voxguard/harness/speech'
import { loadKnowledgeBase } from '@voxguard/knowledge'
import { englishReplies, japaneseReplies } from './asr-replies.ts'

const quick = process.argv.includes('--quick')
const knowledgeBase = await loadKnowledgeBase(fileURLToPath(new URL('../examples/clinic-agent/knowledge.yaml', import.meta.url)))

/** CPU seconds used by this process's finished children (pocketsphinx runs as one). */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
  // Fields 16 and 17 of /proc/PID/stat (cutime, cstime), counted from "state" (field 3).
  return (Number(fields[13]) + Number(fields[14])) / 100
}

interface Row {
  candidate: string
  language: string
  replies: number
  audioSeconds: number
  errorRate: number
  cpuPerAudioSecond: number
  wallPerAudioSecond: number
}

async function measure(candidate: string, language: 'en' | 'ja', recognizer: SpeechRecognizer, audios: Array<{ reference: string; audio: Uint8Array }>): Promise<Row> {
  let errors = 0
  let audioSeconds = 0
  const cpuBefore = childCpuSeconds()
  const wallBefore = performance.now()
  for (const { reference, audio } of audios) {
    const heard = await recognizer.transcribe({ samples: decodeMulaw(audio), sampleRate: 8000 }, AbortSignal.timeout(60_000))
    errors += wordErrorRate(reference, heard.text)
    audioSeconds += audio.length / 8000
  }
  const cpu = childCpuSeconds() - cpuBefore
  const wall = (performance.now() - wallBefore) / 1000
  return { candidate, language, replies: audios.length, audioSeconds, errorRate: errors / audios.length, cpuPerAudioSecond: cpu / audioSeconds, wallPerAudioSecond: wall / audioSeconds }
}

async function synthesize(texts: string[], voice: string, reference: (text: string) => string) {
  const synthesizer = createEspeakSynthesizer({ voice })
  const audios: Array<{ reference: string; audio: Uint8Array }> = []
  for (const text of texts) audios.push({ reference: reference(text), audio: await synthesizer.synthesize(text, AbortSignal.timeout(20_000)) })
  return audios
}

const english = englishReplies(knowledgeBase).slice(0, quick ? 10 : undefined)
const japanese = japaneseReplies(knowledgeBase).slice(0, quick ? 10 : undefined)
const englishAudio = await synthesize(english, 'en-us', spokenForm)
const japaneseAudio = await synthesize(japanese, 'ja', (text) => text)
const knowledgeModel = createPocketsphinxRecognizer({ languageModel: knowledgeLanguageModel(knowledgeBase), timeoutMs: 120_000 })
const generalModel = createPocketsphinxRecognizer({ timeoutMs: 120_000 })
const rows = [
  await measure('pocketsphinx en-us + knowledge-base LM (chosen)', 'en', knowledgeModel, englishAudio),
  await measure('pocketsphinx en-us + general LM (en-us.lm.bin)', 'en', generalModel, englishAudio),
  await measure('pocketsphinx en-us + general LM (en-us.lm.bin)', 'ja', generalModel, japaneseAudio),
]
console.log('| recogniser | language | replies | audio s | error rate (WER; ja: CER) | CPU s per audio s | wall s per audio s |')
console.log('|---|---|---:|---:|---:|---:|---:|')
for (const row of rows) {
  console.log(`| ${row.candidate} | ${row.language} | ${row.replies} | ${row.audioSeconds.toFixed(1)} | ${row.errorRate.toFixed(3)} | ${row.cpuPerAudioSecond.toFixed(3)} | ${row.wallPerAudioSecond.toFixed(3)} |`)
}
const [chosen, general] = rows as [Row, Row]
console.log(`\nratios (general / knowledge-base LM, English): error rate ${(general.errorRate / chosen.errorRate).toFixed(2)}×, CPU per audio second ${(general.cpuPerAudioSecond / chosen.cpuPerAudioSecond).toFixed(2)}×`)
