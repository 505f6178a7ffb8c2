import { WEEKDAYS } from '../opening-hours.ts'

/**
 * A JSGF grammar of what callers say to the clinic, for pocketsphinx. A closed grammar
 * is far more accurate than the open English language model on telephone audio: the
 * recogniser only has to choose between the clinic's own phrases.
 */
export function clinicGrammar(treatments: string[]): string {
  const phrases = [
    'what time do you (open | close) [on <day>]',
    'what time are you open [on <day>]',
    'are you open on <day> too',
    'are you open [on <day>]',
    'what are your [opening] hours',
    'when are you open',
    'how much (is | does) [a] <treatment> [cost]',
    'what does [a] <treatment> cost',
    'i (want | would like) to (book | make) an appointment [for [a] <treatment>] [on <day>]',
    'i (want | would like) to (cancel | move | change) my appointment',
    'can i (speak | talk) to (a human | a [real] person | someone | the receptionist) [please]',
    'i want to (speak | talk) to a (human | person)',
    'where are you [located]',
    'is there [a] parking [lot]',
    'do you have parking',
    'what is your address',
    'how do i get there',
    'do you (accept | take) [national] [health] insurance',
    'is <treatment> covered by insurance',
    '<day> at <hour> [<minute>] [am | pm | o\'clock]',
    'my name is <name>',
    'thank you [that\'s all] [goodbye]',
    'and how much is [a] <treatment>',
    'goodbye',
    'yes [please]',
    'no [thank you]',
    '<day>',
    '<treatment>',
  ]
  return [
    '#JSGF V1.0;',
    'grammar clinic;',
    `public <utterance> = ${phrases.map((phrase) => `(${phrase})`).join(' | ')};`,
    `<day> = ${[...WEEKDAYS, 'today', 'tomorrow'].join(' | ')};`,
    `<treatment> = ${treatments.join(' | ')};`,
    '<hour> = one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve;',
    '<minute> = thirty | fifteen | forty five;',
    '<name> = tanaka | sato | suzuki | yamada | smith | john | mary;',
    '',
  ].join('\n')
}
