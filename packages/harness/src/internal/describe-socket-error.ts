/** A short, credential-free description of a socket error (`ECONNREFUSED 127.0.0.1:1234`). */
export function describeSocketError(error: unknown): string {
  const details = error as { code?: string; message?: string; address?: string; port?: number }
  if (details?.code === 'ECONNREFUSED') return `connection refused${details.address ? ` (${details.address}:${details.port})` : ''}`
  if (details?.code) return `${details.code}: ${details.message ?? ''}`.trim()
  return details?.message ?? String(error)
}
