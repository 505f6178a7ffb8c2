import type { CallerAction, CallExpectations, TurnExpectations } from './call-record.ts'

/** One caller turn of a loaded script: includes expanded, variables substituted, paths absolute. */
export interface ScriptTurn {
  action: CallerAction
  expect?: TurnExpectations
  /** Absolute path of the caller audio file (Twilio transport), when the turn names one. */
  audioFile?: string
  /** Where the turn is written (the partial's file for included turns). */
  source: { file: string; line: number }
}

/** A validated call script, ready to run (see `loadCallScript`). */
export interface CallScript {
  id: string
  /** Absolute path of the script file. */
  file: string
  title?: string
  tags: string[]
  /** Absolute path of the knowledge-base file. */
  knowledgeBase?: string
  persona?: string
  goal?: string
  /** espeak-ng voice for synthesised caller audio. Default `en`. */
  language: string
  /** Wait for the agent's greeting (turn 0) before the first caller turn. Default true. */
  greeting: boolean
  from?: string
  to?: string
  metadata?: Record<string, string>
  /** The script's variables after option overrides. */
  variables: Record<string, string>
  turns: ScriptTurn[]
  expectations?: CallExpectations
}
