import { fillTemplate, flattenFacts, type KnowledgeBase } from '@voxguard/knowledge'
import { buildLanguageModel, type LanguageModel } from './build-language-model.ts'
import { numberToWords } from './spoken-form.ts'

/** What phone agents say whatever the business: greetings, apologies, menus, confirmations. */
const AGENT_PHRASES = [
  'Thank you for calling. How can I help you?',
  "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to a receptionist?",
  'Of course, I will connect you to our receptionist now. Please hold.',
  "Sorry, I didn't catch that. Could you say it again?",
  'Press 1 to book an appointment, 2 for our opening hours, or 0 to speak to a receptionist.',
  'All right. Is there anything else I can help you with?',
  'Are you still there?',
  'Your appointment is booked for Monday at 10:30. See you then.',
  'I have cancelled your appointment. That slot is not available. Which day and time would you like?',
  'We are open from 9 am to 6 pm. It costs 5,000 yen and takes 30 minutes.',
  'Yes, no, please, thank you, goodbye.',
]

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow']

/** Numbers an agent says: every count to 100, round hundreds and thousands, as prices, times and durations. */
function numberPhrases(): string[] {
  const values = new Set<number>()
  for (let value = 0; value <= 100; value++) values.add(value)
  for (let value = 100; value < 1000; value += 100) values.add(value)
  for (let value = 1000; value <= 100_000; value += 1000) values.add(value)
  for (let value = 500; value < 10_000; value += 1000) values.add(value)
  for (const value of [150_000, 200_000, 250_000, 300_000, 500_000, 1_000_000]) values.add(value)
  const phrases = [...values].map((value) => `is ${numberToWords(value)} yen`)
  for (let hour = 1; hour <= 12; hour++) phrases.push(`at ${numberToWords(hour)} thirty`, `${numberToWords(hour)} o'clock`, `${numberToWords(hour * 5)} minutes`)
  return phrases
}

/**
 * The harness's language model of what a business's agent says, for an offline
 * recogniser: the knowledge base's reply templates filled with its facts, its policies and
 * facts, common agent phrases, weekdays and numbers. It keeps recognition on the business's
 * words without knowing the agent's reply: a reply with a wrong value is heard with that
 * value, which is what lets the judge catch a hallucination in what the caller heard.
 */
export function knowledgeLanguageModel(knowledgeBase: KnowledgeBase): LanguageModel {
  const sentences = [
    ...Object.values(knowledgeBase.intents).map((intent) => fillTemplate(intent.reply, knowledgeBase)),
    ...knowledgeBase.policies,
    ...flattenFacts(knowledgeBase.facts).map((fact) => `${fact.keys.join(' ').replace(/_/g, ' ')} ${String(fact.value)}`),
    ...AGENT_PHRASES,
    ...numberPhrases(),
    WEEKDAYS.join(' '),
  ]
  return buildLanguageModel(sentences, Object.keys(knowledgeBase.vocabulary ?? {}))
}
