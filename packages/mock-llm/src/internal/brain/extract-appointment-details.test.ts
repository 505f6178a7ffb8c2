import { describe, expect, it } from 'vitest'
import { extractAppointmentDetails } from './extract-appointment-details.ts'

const treatments = ['checkup', 'cleaning', 'whitening', 'filling', 'crown']

describe('extractAppointmentDetails', () => {
  it('reads weekday, 12-hour time, name and treatment in English', () => {
    expect(extractAppointmentDetails(['My name is Ken Mori. A cleaning on Saturday at 10:30 am please'], treatments)).toEqual({
      date: 'Saturday',
      time: '10:30',
      name: 'Ken Mori',
      treatment: 'cleaning',
    })
  })

  it('reads ISO dates, "3pm" and "at 4", the later utterance winning', () => {
    expect(extractAppointmentDetails(['on 2026-12-05 at 3pm', 'actually at 4'], treatments)).toEqual({ date: '2026-12-05', time: '16:00' })
  })

  it('reads Japanese (full-width digits too)', () => {
    expect(extractAppointmentDetails(['田中と申します。金曜日の午後３時半にホワイトニングをお願いします'], treatments)).toEqual({
      date: 'Friday',
      time: '15:30',
      name: '田中',
      treatment: 'whitening',
    })
  })

  it('does not take prices or addresses for times', () => {
    expect(extractAppointmentDetails(['is it 5000 yen at 2-14-3?'], treatments)).toEqual({})
  })
})

describe('extractAppointmentDetails: a caller correcting themselves', () => {
  it.each([
    ['A cleaning on Thursday, not Tuesday, at 10:00', 'Thursday', '10:00'],
    ['Tuesday at 10:00, no sorry, Thursday at 11:00', 'Thursday', '11:00'],
    ['Thursday instead of Tuesday at 10:00', 'Thursday', '10:00'],
    ['火曜日じゃなくて木曜日の午前10時でお願いします', 'Thursday', '10:00'],
    ['Move my Monday 11:00 appointment to Friday at 15:00', 'Friday', '15:00'],
  ])('%s → %s %s', (utterance, date, time) => {
    expect(extractAppointmentDetails([utterance], treatments)).toMatchObject({ date, time })
  })
})
