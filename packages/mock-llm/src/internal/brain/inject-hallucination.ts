import type { InjectedHallucination } from '../brain-reply.ts'
import type { RandomSource } from '../seeded-random.ts'
import type { FilledSlot } from '@voxguard/knowledge'

/** A claim in a reply that can be falsified: a filled fact, or an appointment date/time. */
export interface ClaimSlot extends FilledSlot {
  /** Set for claims that are not knowledge base facts (appointment date/time). */
  claimType?: InjectedHallucination['claimType']
}

const familyNames = ['Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Nakamura', 'Kobayashi']
const businessWords = ['Midori', 'Aoba', 'Hikari', 'Tsubaki']
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const japaneseWeekdays = ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日']
const policyFlips: [RegExp, string][] = [
  [/\bis not covered\b/, 'is covered'],
  [/\bWe accept\b/, 'We do not accept'],
  [/\bis not available\b/, 'is available'],
  [/\bclosed on Sundays\b/, 'open on Sundays'],
]
const fabricatedClaims = [
  'Parking is free for patients.',
  'Your first visit is free of charge.',
  'We are also open on Sundays from 10:00 to 14:00.',
]

/**
 * Replaces one claim of a reply with a wrong but plausible value (a price, hours, a date,
 * a name, an address, a policy). When the reply has no claim to falsify, appends a
 * fabricated policy sentence instead (`original: null`).
 */
export function injectHallucination(
  text: string,
  slots: readonly ClaimSlot[],
  random: RandomSource,
): { text: string; hallucination: InjectedHallucination } {
  const policyCandidates = policyFlips.filter(([pattern]) => pattern.test(text))
  const choices = slots.length + policyCandidates.length
  if (choices === 0) {
    const injected = fabricatedClaims[Math.floor(random() * fabricatedClaims.length)]!
    return { text: `${text} ${injected}`, hallucination: { claimType: 'policy', original: null, injected } }
  }
  const choice = Math.floor(random() * choices)
  if (choice >= slots.length) {
    const [pattern, replacement] = policyCandidates[choice - slots.length]!
    const original = pattern.exec(text)![0]
    return { text: text.replace(pattern, replacement), hallucination: { claimType: 'policy', original, injected: replacement } }
  }
  const slot = slots[choice]!
  const claimType = slot.claimType ?? claimTypeOf(slot)
  const injected = falsify(slot.value, claimType, slot.factPath, random)
  return {
    text: text.slice(0, slot.start) + injected + text.slice(slot.start + slot.value.length),
    hallucination: { claimType, original: slot.value, injected, ...(slot.claimType ? {} : { factPath: slot.factPath }) },
  }
}

function claimTypeOf(slot: FilledSlot): InjectedHallucination['claimType'] {
  const path = slot.factPath.toLowerCase()
  if (/price|_yen$|fee/.test(path)) return 'price'
  if (path.startsWith('hours') || /^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/.test(slot.value)) return 'hours'
  if (/phone/.test(path)) return 'phone'
  if (/address|access/.test(path)) return 'address'
  if (/name|staff|director|dentist|hygienist/.test(path)) return 'name'
  if (/^\d+(\.\d+)?$/.test(slot.value)) return 'number'
  return 'policy'
}

function pick<T>(items: readonly T[], random: RandomSource, not?: T): T {
  const allowed = items.filter((item) => item !== not)
  return allowed[Math.floor(random() * allowed.length)]!
}

function falsify(value: string, claimType: InjectedHallucination['claimType'], factPath: string, random: RandomSource): string {
  const number = Number(value)
  switch (claimType) {
    case 'price': {
      const options = [number * 1.5, number * 0.6, number + 1000, number + 2000].map((candidate) => Math.max(500, Math.round(candidate / 500) * 500))
      return String(pick(options, random, number))
    }
    case 'number':
      return String(pick([number * 2, Math.max(1, Math.round(number / 2)), number + 1], random, number))
    case 'hours': {
      const range = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(value)
      if (!range) return value === 'closed' ? '10:00-14:00' : 'closed'
      const shift = random() < 0.5 ? -1 : 1
      return `${range[1]}:${range[2]}-${String(Number(range[3]) + shift).padStart(2, '0')}:${range[4]}`
    }
    case 'date': {
      const weekday = weekdays.indexOf(value)
      if (weekday >= 0) return weekdays[(weekday + 1) % 7]!
      const japaneseWeekday = japaneseWeekdays.indexOf(value)
      if (japaneseWeekday >= 0) return japaneseWeekdays[(japaneseWeekday + 1) % 7]!
      const time = /^(\d{2}):(\d{2})$/.exec(value)
      if (time) return `${String((Number(time[1]) + 1) % 24).padStart(2, '0')}:${time[2]}`
      const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
      if (date) {
        const next = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]) + 1))
        return next.toISOString().slice(0, 10)
      }
      return value === 'tomorrow' ? 'the day after tomorrow' : 'tomorrow'
    }
    case 'name': {
      const words = value.split(' ')
      if (factPath.startsWith('business')) return [pick(businessWords, random, words[0]), ...words.slice(1)].join(' ')
      return [...words.slice(0, -1), pick(familyNames, random, words.at(-1))].join(' ')
    }
    case 'address':
    case 'phone': {
      const digits = /\d+/.exec(value)
      if (!digits) return `${value} (annex)`
      const changed = String((Number(digits[0]) + 2) % 10 ** digits[0].length).padStart(digits[0].length, '0')
      return value.slice(0, digits.index) + changed + value.slice(digits.index + digits[0].length)
    }
    case 'policy':
      return value === 'accepted' ? 'not accepted' : value === 'not accepted' ? 'accepted' : `not ${value}`
  }
}
