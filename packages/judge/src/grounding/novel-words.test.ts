import { describe, expect, it } from 'vitest'
import { checkGrounding } from '../check-grounding.ts'
import { novelWords } from './novel-words.ts'

const OWLS =
  'Barn owls hunt mostly at night and find mice by sound alone. The female lays four to six eggs, and the male brings food to the nest. Barn owls are the most widespread owls in the world.'

function flagged(response: string, context = 'Tell me about barn owls.'): boolean {
  return checkGrounding({ knowledge: OWLS, context, response }).hallucinated
}

describe('novelWords: a paraphrase of prose knowledge is not a new fact', () => {
  it('matches inflections by lemma and stem ("grew" / "grown", "eats" / "eaten")', () => {
    expect(novelWords('The trees grew tall and the goats ate the leaves.', new Set(['grew', 'ate']), ['Tall trees have grown there; goats have eaten their leaves.'])).toEqual([])
  })

  it('matches derived forms that keep the meaning ("tangy" / "tang", "permanently" / "permanent")', () => {
    expect(novelWords('It has a tang and stays permanently.', new Set(['tang', 'permanently']), ['A tangy taste; a permanent stay.'])).toEqual([])
  })

  it('does not match an agent noun with its verb ("director" is not "directed")', () => {
    expect(novelWords('She is a director.', new Set(['director']), ['She directed two plays.']).map((word) => word.word)).toEqual(['director'])
  })

  it('reads male/female kin words and size words as the same meaning', () => {
    expect(flagged('The father brings the food to the nest.')).toBe(false)
    expect(novelWords('Ganymede is the biggest moon.', new Set(['biggest']), ['Ganymede is the largest moon of Jupiter.'])).toEqual([])
  })

  it('a new adverb, a general word or an evaluation is not a new fact', () => {
    expect(flagged('Honestly, they find mice by sound alone, which is fascinating.')).toBe(false)
    expect(flagged('A big part of it is that they hunt mostly at night.')).toBe(false)
  })

  it('a new noun or adjective is a new fact ("voles", "diurnal")', () => {
    expect(flagged('They hunt mostly voles.')).toBe(true)
    expect(flagged('Barn owls are diurnal hunters.')).toBe(true)
  })

  it('a new verb rewords, unless it relates two names ("flitting" vs "Ada Moss also illustrated Owl Weekly")', () => {
    expect(flagged('At night they go flitting about to hunt, finding mice by sound alone.')).toBe(false)
    expect(novelWords('Ada Moss illustrated Owl Weekly.', new Set(['illustrat']), ['Ada Moss wrote for Owl Weekly.'], { relatesNames: true }).map((word) => word.weight)).toEqual([1])
    expect(novelWords('Prices shot up.', new Set(['shot']), ['Prices rose.']).map((word) => word.weight)).toEqual([0.3])
  })

  it('a comparison the knowledge does not make is a new fact however general its adjective ("longer")', () => {
    expect(novelWords('The male is longer.', new Set(['longer']), ['The male and the female.']).map((word) => word.weight)).toEqual([1])
  })

  it('"later" / "earlier" without "than" order events, they compare nothing', () => {
    expect(novelWords('The chicks fledge a month later.', new Set(['later']), ['The chicks fledge after a month.']).map((word) => word.weight)).toEqual([0.2])
    expect(novelWords('The chicks fledge later than the adults moult.', new Set(['later']), ['The chicks fledge after a month.']).map((word) => word.weight)).toEqual([1])
  })

  it('an approximator before a value ("close to 40 km") hedges the number; "close" elsewhere is a word of its own', () => {
    expect(novelWords('The reef is close to    km long.', new Set(['close']), ['The reef is about 40 km long.'])).toEqual([])
    expect(novelWords('The reef is close to the shore.', new Set(['close']), ['The reef is about 40 km long.']).map((word) => word.word)).toEqual(['close'])
  })

  it('a pronoun ("none"), "a single" (one) and an attitude adverb ("Surprisingly") are no new fact', () => {
    expect(flagged('Surprisingly, they find mice by sound alone.')).toBe(false)
    expect(novelWords('None live on the island.', new Set(['none']), ['Owls live on the mainland.']).map((word) => word.weight)).toEqual([0.3])
    expect(novelWords('She lays a single egg.', new Set(['single']), ['She lays one egg.']).map((word) => word.weight)).toEqual([0.3])
  })

  it('a comparative meets the superlative of the same adjective, "tallest" meets "highest"', () => {
    expect(novelWords('Nothing on the reef is brighter.', new Set(['brighter']), ['It is the brightest fish on the reef.'])).toEqual([])
    expect(novelWords('It is the tallest peak.', new Set(['tallest']), ['It is the highest peak.'])).toEqual([])
  })

  it('the adjective of an exclamative ("such an elegant bird") evaluates; "world" is a general word', () => {
    expect(novelWords('It is such an elegant bird.', new Set(['elegant']), ['The heron is a wading bird.'])).toEqual([])
    expect(novelWords('It is the oldest bridge in the world.', new Set(['world']), ['It is the oldest bridge.']).map((word) => word.weight)).toEqual([0.3])
  })

  it('against prose, a rate after a value ("40 kilometres an hour") belongs to the value', () => {
    const knowledge = 'Sailfish can swim at about 100 km/h, which makes them among the fastest fish.'
    expect(checkGrounding({ knowledge, context: 'How fast are sailfish?', response: 'About 100 kilometres an hour.' }).hallucinated).toBe(false)
  })

  it('a demonym meets its place, an accent-free spelling its accented word (EN)', () => {
    expect(novelWords('A Peruvian farmer grows it.', new Set(['peruvian']), ['Farmers in Peru grow it.'])).toEqual([])
    expect(novelWords('It grows near Malmo.', new Set(['malmo']), ['It grows near Malmö in Sweden.'])).toEqual([])
    expect(novelWords('A Chilean farmer grows it.', new Set(['chilean']), ['Farmers in Peru grow it.']).map((word) => word.word)).toEqual(['chilean'])
  })
})
