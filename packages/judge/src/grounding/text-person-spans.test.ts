import { describe, expect, it } from 'vitest'
import { textPersonSpans } from './text-person-spans.ts'

const read = (line: string) => textPersonSpans(line).map((span) => [[...span.names].join(' '), span.head.trim(), span.own.trim()].join(' | '))

describe('textPersonSpans: the people a line of free-text knowledge names', () => {
  it('a titled name, with a role before it', () => {
    expect(read('Head mechanic Mr. Nishino (engines, weekdays)')).toEqual(['nishino | Head mechanic | Mr. Nishino (engines, weekdays)'])
  })

  it('a roster line: each person gets their own days, all get the head', () => {
    expect(read('Tutors: Ms. Arakawa (maths, Mondays), Mr. Miki (physics, Thursdays)')).toEqual([
      'arakawa | Tutors: | Ms. Arakawa (maths, Mondays),',
      'miki | Tutors: | Mr. Miki (physics, Thursdays)',
    ])
  })

  it('a family name without a title, with its given name (either order)', () => {
    expect(read('Yuki Kuroki – nails and lashes, Fridays to Sundays')).toEqual(['yuki kuroki |  | Yuki Kuroki – nails and lashes, Fridays to Sundays'])
    expect(read('Kuroki Yuki (nails)')).toEqual(['kuroki yuki |  | Kuroki Yuki (nails)'])
  })

  it('Japanese family names in kanji, with their readings', () => {
    expect(read('ネイル担当：黒木（金〜日）、カット担当：松山（火・水）')).toEqual(['kuroki 黒木 | ネイル担当： | 黒木（金〜日）、', 'matsuyama 松山 | カット担当 | 松山（火・水）'])
  })

  it('a given name in a roster line, when what follows is a person\'s', () => {
    expect(read('Tomas - wheel truing, Wednesdays and Sundays')).toEqual(['tomas |  | Tomas - wheel truing, Wednesdays and Sundays'])
    expect(read('Ingrid (runs the Saturday kids\' class)')).toEqual(["ingrid |  | Ingrid (runs the Saturday kids' class)"])
  })

  it('a line that names nobody: prices, headings, places', () => {
    expect(read('Brake inspection (30 minutes): ¥4,000')).toEqual([])
    expect(read('Towels (per day): ¥200')).toEqual([])
    expect(read('Minami 3-jo Higashi 2-chome, near Ueno Station')).toEqual([])
  })

  it('a label right before a later name is that person\'s alone; a name without one stays under the label before it', () => {
    expect(read('Piano: Ms. Hart; violin: Mr. Lund and Ms. Berg')).toEqual(['hart | Piano: | Ms. Hart;', 'lund | violin | Mr. Lund and', 'berg | violin | Ms. Berg'])
  })

  it('a role before a title, and a title-like role before a family name', () => {
    expect(read('Receptionist Ms. Hayashi (weekdays)')).toEqual(['hayashi |  | Receptionist Ms. Hayashi (weekdays)'])
    expect(read('Principal Moriyama teaches the Saturday class')).toEqual(['moriyama |  | Principal Moriyama teaches the Saturday class'])
  })

  it('short day names in a roster are days, not people', () => {
    expect(read('Painting: Kubo Jiro (Mon, Thu, Sat)')).toEqual(['kubo jiro | Painting: | Kubo Jiro (Mon, Thu, Sat)'])
  })

  it('a name other lines already give a person is theirs on any line', () => {
    expect(read('The junior class on Sundays belongs to Ingrid')).toEqual([])
    expect(textPersonSpans('The junior class on Sundays belongs to Ingrid', new Set(['ingrid'])).map((span) => [...span.names])).toEqual([['ingrid']])
  })

  it('a given name said as a person\'s: a passive\'s agent, a role before it, "with" before it, a verb of duty after it', () => {
    const names = (line: string) => textPersonSpans(line).map((span) => [...span.names].join(' '))
    expect(names('The junior class is taught by Ingrid on Sundays')).toEqual(['ingrid'])
    expect(names('Head baker – Pierre (Tuesday to Saturday)')).toEqual(['pierre'])
    expect(names('Drum lessons with Rafael: Mondays and Fridays')).toEqual(['rafael'])
    expect(names('Olga teaches the beginners; Piotr runs the advanced group.')).toEqual(['olga', 'piotr'])
    expect(names('Pay with Visa or Mastercard')).toEqual([])
  })

  it('a family name in a roster with nothing more, and one written with -san or -sensei', () => {
    expect(read('Daisuke Ishii (apprentice)')).toEqual(['daisuke ishii |  | Daisuke Ishii (apprentice)'])
    expect(read('Okabe-sensei (principal, weekdays)')).toEqual(['okabe |  | Okabe-sensei (principal, weekdays)'])
  })

  it('two names joined by "and" share what is said after the second', () => {
    expect(read('Chef Arai and Chef Kudo (grill, Tuesday to Friday); Chef Oishi (weekends)')).toEqual([
      'arai |  | Chef Arai and  (grill, Tuesday to Friday);',
      'kudo |  | Chef Kudo (grill, Tuesday to Friday);',
      'oishi |  | Chef Oishi (weekends)',
    ])
  })
})
