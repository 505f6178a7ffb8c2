import type { LlmClientOptions } from './client-options.ts'
import { targetsOfChain } from './route-config.ts'
import { validateTargetConfig } from './target-config.ts'

const routeDurations = ['deadlineMs', 'firstTokenTimeoutMs', 'interChunkTimeoutMs', 'attemptTimeoutMs', 'hedgeAfterMs', 'initialBackoffMs', 'maxBackoffMs'] as const
const breakerFields = ['errorThresholdPercentage', 'volumeThreshold', 'resetTimeoutMs', 'rollingCountTimeoutMs'] as const

/**
 * Rejects a bad configuration at `createLlmClient`, with the field's path in the message
 * (`routes.answer.chain[1]: unknown target "azure-west"; known targets: …`).
 */
export function validateClientOptions(options: LlmClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new Error('createLlmClient: options must be an object with targets and routes')
  const { targets, routes } = options
  if (typeof targets !== 'object' || targets === null || Object.keys(targets).length === 0) {
    throw new Error('targets: required, at least one named target (e.g. { primary: { provider: "openai", model: "gpt-4o-mini" } })')
  }
  for (const [name, config] of Object.entries(targets)) validateTargetConfig(name, config)
  if (typeof routes !== 'object' || routes === null || Object.keys(routes).length === 0) {
    throw new Error('routes: required, at least one named route (e.g. { answer: { chain: ["primary"] } })')
  }
  const known = Object.keys(targets)
  for (const [name, route] of Object.entries(routes)) {
    const at = `routes.${name}`
    if (!Array.isArray(route?.chain) || route.chain.length === 0) throw new Error(`${at}.chain: required, a non-empty list of target names or pools`)
    route.chain.forEach((entry, index) => {
      const members = typeof entry === 'string' ? [entry] : entry?.pool
      const where = typeof entry === 'string' ? `${at}.chain[${index}]` : `${at}.chain[${index}].pool`
      if (!Array.isArray(members) || members.length === 0) throw new Error(`${where}: must be a target name or { pool: [names…] } with at least one name`)
      for (const member of members) {
        if (!known.includes(member)) throw new Error(`${where}: unknown target "${String(member)}"; known targets: ${known.join(', ')}`)
      }
      if (typeof entry !== 'string') {
        if (entry.strategy !== undefined && !['round-robin', 'weighted', 'least-latency'].includes(entry.strategy)) {
          throw new Error(`${at}.chain[${index}].strategy: must be "round-robin", "weighted" or "least-latency" (got ${JSON.stringify(entry.strategy)})`)
        }
        for (const [member, weight] of Object.entries(entry.weights ?? {})) {
          if (!members.includes(member)) throw new Error(`${at}.chain[${index}].weights.${member}: not a member of the pool`)
          if (typeof weight !== 'number' || !(weight > 0)) throw new Error(`${at}.chain[${index}].weights.${member}: must be a positive number (got ${String(weight)})`)
        }
        nonNegativeInteger(entry.probeEveryCalls, `${at}.chain[${index}].probeEveryCalls`)
      }
    })
    if (targetsOfChain(route.chain).length === 0) throw new Error(`${at}.chain: names no target`)
    for (const field of routeDurations) positive(route[field], `${at}.${field}`, 'milliseconds')
    positiveInteger(route.maxAttempts, `${at}.maxAttempts`)
    nonNegativeInteger(route.maxRetriesPerTarget, `${at}.maxRetriesPerTarget`)
    nonNegative(route.maxTotalWaitMs, `${at}.maxTotalWaitMs`)
  }
  for (const field of breakerFields) positive(options.breaker?.[field], `breaker.${field}`, field === 'errorThresholdPercentage' ? 'percent (0–100)' : field === 'volumeThreshold' ? 'requests' : 'milliseconds')
  const threshold = options.breaker?.errorThresholdPercentage
  if (threshold !== undefined && threshold > 100) throw new Error(`breaker.errorThresholdPercentage: must be at most 100 (got ${threshold})`)
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') throw new Error('onEvent: must be a function')
}

function positive(value: unknown, path: string, unit: string): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new Error(`${path}: must be a positive number of ${unit} (got ${String(value)})`)
}

function nonNegative(value: unknown, path: string): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${path}: must be zero or a positive number of milliseconds (got ${String(value)})`)
}

function positiveInteger(value: unknown, path: string): void {
  if (value === undefined) return
  if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`${path}: must be a whole number of at least 1 (got ${String(value)})`)
}

function nonNegativeInteger(value: unknown, path: string): void {
  if (value === undefined) return
  if (!Number.isInteger(value) || (value as number) < 0) throw new Error(`${path}: must be a whole number, 0 or more (got ${String(value)})`)
}
