import type { ChatTurn } from '../chat-request.ts'
import type { ClaimSlot } from './inject-hallucination.ts'

const japaneseWeekdays: Record<string, string> = { Monday: '月曜日', Tuesday: '火曜日', Wednesday: '水曜日', Thursday: '木曜日', Friday: '金曜日', Saturday: '土曜日', Sunday: '日曜日', tomorrow: '明日', today: '今日' }

/**
 * The brain's short confirmation after a tool result, in the caller's language (`ja` or
 * English): the booked or moved day and time (as claim slots the hallucination injector may
 * falsify), a cancellation, a hand-off; a failed result relays the tool's own reason.
 */
export function confirmToolResult(turns: readonly ChatTurn[], result: ChatTurn, language: string): { text: string; slots: ClaimSlot[] } {
  const japanese = language === 'ja'
  const call = turns
    .flatMap((turn) => turn.toolCalls ?? [])
    .findLast((candidate) => result.toolCallId === undefined || candidate.id === result.toolCallId)
  if (/error|unavailable|not available|fail|満席/i.test(result.text)) {
    // Like a real model, relay the tool's own explanation when it gives one.
    const reason = toolErrorSentence(result.text)
    if (japanese) return { text: reason ? `申し訳ありません。${reason}` : '申し訳ありません、その時間はご予約いただけません。別の曜日か時間はいかがですか？', slots: [] }
    return { text: reason ? `I'm sorry. ${reason}` : "I'm sorry, that time is not available. Would you like another day or time?", slots: [] }
  }
  if (call?.name === 'book_appointment' || call?.name === 'move_appointment') {
    const moved = call.name === 'move_appointment'
    const rawDate = String((moved ? call.arguments.newDate : undefined) ?? call.arguments.date ?? '')
    const date = japanese ? (japaneseWeekdays[rawDate] ?? rawDate) : rawDate
    const time = String((moved ? call.arguments.newTime : undefined) ?? call.arguments.time ?? '')
    const [prefix, middle, suffix] = japanese ? ['ご予約を', 'の', moved ? 'に変更しました。' : 'でお取りしました。'] : [moved ? 'Your appointment has been moved to ' : 'Your appointment is booked for ', ' at ', '.']
    return {
      text: `${prefix}${date}${middle}${time}${suffix}`,
      slots: [
        { factPath: 'appointment.date', value: date, start: prefix.length, claimType: 'date' },
        { factPath: 'appointment.time', value: time, start: prefix.length + date.length + middle.length, claimType: 'date' },
      ],
    }
  }
  if (call?.name === 'cancel_appointment') return { text: japanese ? 'ご予約をキャンセルしました。' : 'Your appointment has been cancelled.', slots: [] }
  if (call?.name === 'handoff_to_human') return { text: japanese ? '受付の者におつなぎしますので、少々お待ちください。' : 'Please hold while I connect you to our receptionist.', slots: [] }
  return { text: japanese ? '承りました。' : 'Done.', slots: [] }
}

/** The `error` (or `message`) sentence of a JSON tool result, when it has one. */
function toolErrorSentence(resultText: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(resultText)
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { error, message } = parsed as { error?: unknown; message?: unknown }
    const sentence = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined
    return sentence?.trim() || undefined
  } catch {
    return undefined
  }
}
