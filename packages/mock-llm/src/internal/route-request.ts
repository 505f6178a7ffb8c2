/** The wire format a request speaks, decided by its path. */
export type Protocol = 'openai' | 'azure' | 'bedrock'

/** Where a request goes: which target, which wire format, which operation. */
export interface RouteMatch {
  target: string
  protocol: Protocol
  /** `chat` for OpenAI/Azure; Bedrock `converse` or `converse-stream`. */
  operation: 'chat' | 'converse' | 'converse-stream'
  /** Azure deployment name from the path. */
  deployment?: string | undefined
  /** Bedrock model id from the path (URL-decoded). */
  modelId?: string | undefined
}

const patterns: { pattern: RegExp; protocol: Protocol }[] = [
  { pattern: /^\/v1\/chat\/completions$/, protocol: 'openai' },
  { pattern: /^\/openai\/deployments\/([^/]+)\/chat\/completions$/, protocol: 'azure' },
  { pattern: /^\/openai\/v1\/chat\/completions$/, protocol: 'azure' },
  { pattern: /^\/model\/([^/]+)\/(converse|converse-stream)$/, protocol: 'bedrock' },
]

/**
 * Maps a request path to a target and protocol. `/{target}/...` selects a named target;
 * a path without a known target prefix goes to `defaultTarget`.
 * @returns undefined when the path is not one the mock serves.
 */
export function routeRequest(pathname: string, targetNames: ReadonlySet<string>, defaultTarget: string): RouteMatch | undefined {
  const slash = pathname.indexOf('/', 1)
  const first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash)
  if (slash !== -1 && targetNames.has(decodeURIComponent(first))) {
    const match = matchPath(pathname.slice(slash), decodeURIComponent(first))
    if (match) return match
  }
  return matchPath(pathname, defaultTarget)
}

function matchPath(path: string, target: string): RouteMatch | undefined {
  for (const { pattern, protocol } of patterns) {
    const match = pattern.exec(path)
    if (!match) continue
    if (protocol === 'openai') return { target, protocol, operation: 'chat' }
    if (protocol === 'azure') return { target, protocol, operation: 'chat', deployment: match[1] && decodeURIComponent(match[1]) }
    return {
      target,
      protocol,
      operation: match[2] === 'converse-stream' ? 'converse-stream' : 'converse',
      modelId: decodeURIComponent(match[1] ?? ''),
    }
  }
  return undefined
}
