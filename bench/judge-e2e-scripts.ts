/**
 * The calls of the end-to-end judge bench: every e2e/scripts/*.yaml, `repeat` times, in the
 * order runCalls would use (all scripts once, then again…). The agent keeps ONE appointment
 * book for all calls, so a script that books "next Monday at 11:00" cannot succeed twice at
 * once ("already taken", then "no appointment found" — a real failure, but one of the test
 * set-up). Each call that names a slot ("next <weekday> at HH:MM") gets its own free slot
 * instead (same weekday/time phrasing; Monday, Tuesday, Thursday, Friday, 09:00–19:30 outside
 * the lunch break: 68 slots, then they repeat).
 */
import { loadCallScripts, type CallScript } from '@voxguard/harness'

const SLOT_PHRASE = /next (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) at (\d{1,2}:\d{2})/g
const DAY_CLOSES = { Monday: 18, Tuesday: 18, Thursday: 18, Friday: 20 } as const

function freeSlots(): string[] {
  const slots: string[] = []
  for (const [day, closesAt] of Object.entries(DAY_CLOSES)) {
    for (let minutes = 9 * 60; minutes < closesAt * 60; minutes += 30) {
      if (minutes >= 13 * 60 && minutes < 14 * 60) continue // lunch break (knowledge.yaml hours.lunch_break)
      slots.push(`next ${day} at ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`)
    }
  }
  return slots
}

/** One script object per call (ids `<script id>.<repeat>`), to run with `repeat: 1`. */
export async function loadE2eCalls(files: readonly string[], repeat: number): Promise<CallScript[]> {
  const { scripts, errors } = await loadCallScripts(files)
  if (errors.length > 0) throw new Error(`script errors: ${errors.map((error) => error.message).join('; ')}`)
  const slots = freeSlots()
  let nextSlot = 0
  const calls: CallScript[] = []
  for (let round = 1; round <= repeat; round += 1) {
    for (const script of scripts) {
      const call = structuredClone(script)
      call.id = `${script.id}.${round}`
      const slot = slots[nextSlot % slots.length]!
      let usesSlot = false
      for (const turn of call.turns) {
        if (turn.action.kind !== 'text' && turn.action.kind !== 'barge-in') continue
        turn.action.text = turn.action.text.replace(SLOT_PHRASE, () => {
          usesSlot = true
          return slot
        })
      }
      if (usesSlot) nextSlot += 1
      calls.push(call)
    }
  }
  return calls
}
