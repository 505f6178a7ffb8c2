import { describe, expect, it } from 'vitest'
import type { PoolConfig } from './route-config.ts'
import { selectFromPool, type MemberLatency, type PoolSelectionState } from './select-from-pool.ts'

const state = (latency: Record<string, MemberLatency> = {}): PoolSelectionState => ({ cursors: new Map(), latencyOf: (name) => latency[name] })
const firsts = (pool: PoolConfig, selection: PoolSelectionState, calls: number) => Array.from({ length: calls }, () => selectFromPool(pool, selection)[0])

describe('selectFromPool', () => {
  it('weighted 5:3:2 starts each member exactly its weight per cycle of 10, fallbacks heaviest first', () => {
    const pool: PoolConfig = { pool: ['a', 'b', 'c'], strategy: 'weighted', weights: { a: 5, b: 3, c: 2 } }
    const selection = state()
    const started = firsts(pool, selection, 100)
    expect(['a', 'b', 'c'].map((name) => started.filter((first) => first === name).length)).toEqual([50, 30, 20])
    expect(selectFromPool({ pool: ['c', 'a', 'b'], strategy: 'weighted', weights: { a: 5, b: 3, c: 2 } }, state())).toEqual(['a', 'b', 'c'])
  })

  it('keeps a separate cursor per pool', () => {
    const one: PoolConfig = { pool: ['a', 'b'] }
    const two: PoolConfig = { pool: ['a', 'b'] }
    const selection = state()
    expect([selectFromPool(one, selection)[0], selectFromPool(two, selection)[0], selectFromPool(one, selection)[0]]).toEqual(['a', 'a', 'b'])
  })

  it('least-latency: unmeasured first, then fastest; probing picks the stalest; probeEveryCalls 0 never probes', () => {
    const latency = { fast: { ewmaMs: 20, measuredAtMs: 900 }, slow: { ewmaMs: 200, measuredAtMs: 100 }, mid: { ewmaMs: 90, measuredAtMs: 500 } }
    expect(selectFromPool({ pool: ['fast', 'new'], strategy: 'least-latency' }, state(latency))).toEqual(['new', 'fast'])
    const probing = firsts({ pool: ['slow', 'mid', 'fast'], strategy: 'least-latency', probeEveryCalls: 3 }, state(latency), 6)
    expect(probing).toEqual(['fast', 'fast', 'slow', 'fast', 'fast', 'slow'])
    expect(new Set(firsts({ pool: ['slow', 'fast'], strategy: 'least-latency', probeEveryCalls: 0 }, state(latency), 30))).toEqual(new Set(['fast']))
  })
})
