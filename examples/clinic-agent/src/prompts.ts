import { flattenFacts, type KnowledgeBase } from '@voxguard/knowledge'

/** Marker the mock LLM's brain recognises as "reply with one intent name". */
export const CLASSIFY_MARKER = '[[voxguard:classify]]'

/** System prompt of the `classify` step: the intent list, one word back. */
export function classifyPrompt(knowledgeBase: KnowledgeBase): string {
  const lines = Object.entries(knowledgeBase.intents).map(([name, intent]) =>
    intent.keywords.length > 0 ? `- ${name} (e.g. ${intent.keywords.slice(0, 6).join(', ')})` : `- ${name} (anything else)`,
  )
  return [
    CLASSIFY_MARKER,
    "Classify the caller's last message into exactly one of these intents and reply with the intent name only, lower case, nothing else:",
    ...lines,
  ].join('\n')
}

/** System prompt of the `answer` step: grounding in the knowledge base, tool rules, today. */
export function answerPrompt(knowledgeBase: KnowledgeBase, context: { today: string; weekday: string; intent: string | undefined }): string {
  const name = String((knowledgeBase.facts['business'] as Record<string, unknown> | undefined)?.['name'] ?? 'the clinic')
  return [
    `You are the phone receptionist of ${name}. You are speaking on the phone: answer in one or two short sentences, no lists, no markdown.`,
    "Answer in the caller's language (Japanese callers in Japanese).",
    'Only state facts listed below. If the facts do not answer the question, say you do not know and offer to connect the caller to a receptionist.',
    'To book, cancel or move an appointment call the matching tool; ask for any missing detail (day, time, name, treatment) first. When the caller asks for a person, call handoff_to_human.',
    `Today is ${context.weekday} ${context.today}.`,
    context.intent ? `The caller's intent (from the classifier): ${context.intent}.` : '',
    'Facts:',
    ...flattenFacts(knowledgeBase.facts).map((fact) => `- ${fact.path}: ${fact.value}`),
    'Policies:',
    ...knowledgeBase.policies.map((policy) => `- ${policy}`),
  ]
    .filter(Boolean)
    .join('\n')
}

/** System prompt of the `confirm` step, after a tool ran. */
export function confirmPrompt(knowledgeBase: KnowledgeBase): string {
  return `${answerPrompt(knowledgeBase, { today: '', weekday: '', intent: undefined }).split('\nToday')[0]}\nConfirm the result of the tool to the caller in one short sentence. If the tool failed, say why and what to do instead.`
}

/** The greeting, filled from the knowledge base's facts (checked when the agent starts). */
export const GREETING_TEMPLATE = 'Thank you for calling {facts.business.name}. How can I help you?'

/** Lines the agent says without asking a model. */
export const CANNED_LINES = {
  apology: "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to a receptionist?",
  handoff: 'Of course, I will connect you to our receptionist now. Please hold.',
  notHeard: "Sorry, I didn't catch that. Could you say it again?",
  dtmfMenu: 'Press 1 to book an appointment, 2 for our opening hours, or 0 to speak to a receptionist.',
  anythingElse: 'All right. Is there anything else you would like to know?',
  oneMoment: 'One moment, please.',
  startAgain: 'Sorry, let me start that again.',
  stillThere: 'Are you still there? I can help with opening hours, prices, our address, insurance and appointments.',
} as const

export type CannedLine = keyof typeof CANNED_LINES

/** The same lines for Japanese callers. */
export const CANNED_LINES_JA: Record<CannedLine, string> = {
  apology: '申し訳ありません、ただいまお答えできません。受付の者におつなぎしましょうか？',
  handoff: 'かしこまりました。受付の者におつなぎしますので、少々お待ちください。',
  notHeard: '申し訳ありません、聞き取れませんでした。もう一度おっしゃっていただけますか？',
  dtmfMenu: 'ご予約は1を、診療時間は2を、受付におつなぎするには0を押してください。',
  anythingElse: 'かしこまりました。ほかにご用件はございますか？',
  oneMoment: '少々お待ちください。',
  startAgain: '失礼しました、改めてお答えします。',
  stillThere: 'もしもし、聞こえていますか？診療時間、料金、場所、保険、ご予約についてお答えできます。',
}

/** The canned line in the caller's language (`ja`, else English). */
export function cannedLine(line: CannedLine, language: string): string {
  return language === 'ja' ? CANNED_LINES_JA[line] : CANNED_LINES[line]
}
