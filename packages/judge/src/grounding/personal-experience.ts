import { normalizeText } from '../internal/normalize-text.ts'

/**
 * First-person experience: what the speaker did, saw, owns or lived ("I visited it last
 * spring", "I've been there twice", "when I was a kid", "my grandmother grew them").
 * An assistant grounded in knowledge cannot have lived it, and the knowledge cannot back it.
 */
const EXPERIENCE = new RegExp(
  [
    // I + a past experience: saw, visited, went, tried, climbed, grew up, lived, used to …
    "\\bi(?:'ve| have| had)? (?:(?:just|once|actually|personally|even|also|never|recently) )?(?:saw|seen|visited|went|gone|been (?:to|there|in|on)|tried|tasted|ate|eaten|drank|climbed|hiked|swam|watched|met|grew up|lived|worked|studied|travel+ed|stayed|took|taken|bought|owned|had (?:a|an|one|my)|made|baked|cooked|planted|played|read|heard|remember|used to|spent|caught|won|ran|flew|drove|rode)\\b",
    // I'm/I am + ongoing personal activity ("I'm growing some myself", "I am planning a trip")
    "\\bi(?:'m| am) (?:currently |also )?(?:growing|keeping|raising|learning|planning|reading|training|building|visiting|going to)\\b",
    // my + a person, pet, home, trip or habit of the speaker
    '\\bmy (?:own |first |last |favou?rite )?(?:mother|mom|mum|father|dad|parents?|grand(?:mother|father|ma|pa|parents?)|brother|sister|wife|husband|kids?|children|son|daughter|family|friends?|uncle|aunt|cousin|dog|cat|pets?|garden|house|home|town|hometown|trip|visit|holiday|vacation|childhood|experience|teacher|neighbou?r)\\b',
    // when I was …
    '\\bwhen i was\\b',
  ].join('|'),
  'iu',
)

/**
 * Hearsay frames: "I've heard that…", "I read somewhere that…", "I remember reading that…". An
 * evidential says where a fact comes from, not what the speaker lived; the fact after it is
 * checked like any other (it is no experience of the speaker's).
 */
const HEARSAY = /\bi(?:'ve| have)? (?:(?:also|once|often|always) )?(?:heard|read)(?: (?:somewhere|once|online|before))?(?: that\b| (?=(?:it's|it is|they're|they are|there (?:is|are|was|were)|he|she|some|many|most)\b))|\bi (?:remember|recall) (?:reading|hearing)(?: that)?\b/giu

/**
 * True when a sentence tells the speaker's own experience ("I saw the aurora in Tromsø last
 * winter", "My dad used to keep bees"). Opinions, feelings and hedges are not experience: "I
 * love that", "I think so", "I'm not sure", "I don't know where they grew before that"; nor is
 * hearsay ("I've heard that they can live 200 years": see HEARSAY).
 *
 * @example
 * statesPersonalExperience('I climbed it twice in my twenties.') // true
 * statesPersonalExperience('I love how bright they are!')        // false
 */
export function statesPersonalExperience(sentence: string): boolean {
  return EXPERIENCE.test(normalizeText(sentence).replace(/’/gu, "'").replace(HEARSAY, ' '))
}
