import { fork } from 'node:child_process'
import { join } from 'node:path'
import type { LlmEvent, TargetStats } from '@voxguard/llm'
import type { FleetCallResult, FleetCommand, FleetMemberConfig } from './fleet-member-process.ts'

export interface FleetMember {
  name: string
  /** Every event of the member's client so far, in order. */
  readonly events: LlmEvent[]
  chat(route: string, calls: number, concurrency?: number, maxOutputTokens?: number): Promise<FleetCallResult[]>
  stats(): Promise<TargetStats[]>
  /** Resolves with the first event (already seen or coming) that matches; rejects after `timeoutMs`. */
  waitForEvent(matches: (event: LlmEvent) => boolean, timeoutMs?: number): Promise<LlmEvent>
  stop(): Promise<void>
}

type CommandWithoutId = FleetCommand extends infer C ? (C extends FleetCommand ? Omit<C, 'id'> : never) : never

/** Forks one fleet member process and waits until its client reached Redis (`shared-state-online`). */
export async function startFleetMember(name: string, config: FleetMemberConfig): Promise<FleetMember> {
  const child = fork(join(import.meta.dirname, 'fleet-member-process.ts'), [JSON.stringify(config)], {
    execArgv: ['--conditions=source', '--no-warnings'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const events: LlmEvent[] = []
  const waiters = new Set<() => void>()
  const pending = new Map<number, (reply: unknown) => void>()
  let nextId = 0
  child.on('message', (message: { event?: LlmEvent; id?: number; reply?: unknown }) => {
    if (message.event !== undefined) {
      events.push(message.event)
      for (const wake of [...waiters]) wake()
    }
    if (message.id !== undefined) pending.get(message.id)?.(message.reply)
  })
  const command = <T>(body: CommandWithoutId): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++
      pending.set(id, (reply) => {
        pending.delete(id)
        resolve(reply as T)
      })
      child.send({ ...body, id })
    })
  const member: FleetMember = {
    name,
    events,
    chat: (route, calls, concurrency = 1, maxOutputTokens) => command<FleetCallResult[]>({ op: 'chat', route, calls, concurrency, ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }) }),
    stats: () => command<TargetStats[]>({ op: 'stats' }),
    waitForEvent: (matches, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(matches)
          if (found === undefined) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`fleet member ${name}: no matching event within ${timeoutMs} ms; saw ${events.map((event) => `${event.type}:${event.target}`).join(', ')}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      }),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.disconnect()
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000)
      await exited
      clearTimeout(timer)
    },
  }
  await member.waitForEvent((event) => event.type === 'shared-state-online', 15_000)
  return member
}
