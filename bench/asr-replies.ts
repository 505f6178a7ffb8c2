import { fillTemplate, type KnowledgeBase } from '@voxguard/knowledge'

/** Lines the clinic agent says without a model (examples/clinic-agent/src/prompts.ts). */
const CANNED = [
  "I'm sorry, I'm having trouble answering right now. Would you like me to connect you to a receptionist?",
  'Of course, I will connect you to our receptionist now. Please hold.',
  "Sorry, I didn't catch that. Could you say it again?",
  'Press 1 to book an appointment, 2 for our opening hours, or 0 to speak to a receptionist.',
  'All right. Is there anything else I can help you with?',
  'Are you still there? I can help with opening hours, prices, our address, insurance and appointments.',
]

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * English agent replies for the recogniser bench: the clinic agent's reply templates and
 * canned lines, plus the answers the model gives (prices, hours, bookings) with true values
 * and with the false values a hallucinating model says (the values the harness must hear).
 */
export function englishReplies(knowledgeBase: KnowledgeBase): string[] {
  const prices = knowledgeBase.facts['prices_yen'] as Record<string, number>
  const hours = knowledgeBase.facts['hours'] as Record<string, string>
  const replies = [...Object.values(knowledgeBase.intents).map((intent) => fillTemplate(intent.reply, knowledgeBase)), ...CANNED, ...knowledgeBase.policies]
  for (const [treatment, price] of Object.entries(prices)) {
    replies.push(`A ${treatment} is ${price} yen.`, `A ${treatment} costs ${Math.round((price * 1.5) / 500) * 500} yen.`)
  }
  for (const day of WEEKDAYS) replies.push(`On ${capital(day)} we are open ${hours[day]}.`)
  for (const [index, day] of WEEKDAYS.entries()) {
    const treatment = Object.keys(prices)[index % Object.keys(prices).length]!
    replies.push(`Your ${treatment} is booked for ${capital(day)} at ${10 + index}:30. See you then.`)
  }
  replies.push(
    'I have cancelled your appointment on Thursday at 14:00.',
    'That slot is not available. Would Friday at 16:00 work for you?',
    'We are closed on Sundays and holidays.',
    'Our lunch break is from 13:00 to 14:00.',
    'Parking is free for patients.',
    'Your first visit is free of charge.',
    'We are also open on Sundays from 10:00 to 14:00.',
    'Dr. Haruka Tanaka is our director and Dr. Kenji Sato is our dentist.',
    'Please arrive 10 minutes before your appointment.',
    'Whitening takes about 60 minutes.',
  )
  return replies
}

/** Japanese replies of the same kinds, written from the clinic's facts (the agent's Japanese templates). */
export function japaneseReplies(knowledgeBase: KnowledgeBase): string[] {
  const prices = knowledgeBase.facts['prices_yen'] as Record<string, number>
  const names: Record<string, string> = { checkup: '検診', cleaning: 'クリーニング', whitening: 'ホワイトニング', filling: '詰め物', crown: '被せ物' }
  const days: Record<string, string> = { monday: '月曜日', tuesday: '火曜日', wednesday: '水曜日', thursday: '木曜日', friday: '金曜日', saturday: '土曜日' }
  const hours = knowledgeBase.facts['hours'] as Record<string, string>
  const replies: string[] = []
  for (const [treatment, price] of Object.entries(prices)) {
    replies.push(`${names[treatment]}は${price}円です。`, `${names[treatment]}の料金は${Math.round((price * 1.5) / 500) * 500}円です。`, `${names[treatment]}のご予約を承ります。`)
  }
  for (const [day, name] of Object.entries(days)) {
    const [open, close] = (hours[day] ?? '').split('-').map((time) => String(Number(time.split(':')[0])))
    replies.push(`${name}は${open}時から${close}時まで診療しています。`, `${name}の10時にご予約をお取りしました。`, `${name}は予約がいっぱいです。`)
  }
  replies.push(
    'お電話ありがとうございます。さくら歯科クリニックです。',
    'ご用件をお伺いします。',
    '日曜日と祝日は休診です。',
    '昼休みは13時から14時までです。',
    '国民健康保険をご利用いただけます。',
    '保険証を毎回お持ちください。',
    'ホワイトニングは保険の対象外です。',
    'キャンセルは24時間前までにお願いします。',
    '24時間を過ぎたキャンセルは2000円かかります。',
    '駐車場はございません。',
    '建物の裏のコインパーキングをご利用ください。',
    'お子様は3歳から診療できます。',
    '渋谷駅のハチ公口から徒歩5分です。',
    '住所は東京都渋谷区道玄坂2丁目14の3です。',
    '受付におつなぎします。少々お待ちください。',
    '申し訳ありません。もう一度おっしゃってください。',
    '他にご用件はございますか。',
    'お電話ありがとうございました。失礼いたします。',
    '院長は田中はるか先生です。',
    '歯科医師は佐藤健二先生です。',
    '衛生士は山本ゆいです。',
    '予約は30分単位です。',
    '初診の方は10分前にお越しください。',
    '本日の診療は終了しました。',
    '明日の9時から受け付けています。',
    '1番を押すと予約、2番を押すと診療時間をご案内します。',
    '0番を押すと受付につながります。',
  )
  return replies
}
