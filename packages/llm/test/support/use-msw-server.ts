import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * An msw server for one test file: listening before the first test (register this before
 * any hook that builds an openai client, which captures `fetch` when built), handlers reset
 * after each test, closed after the last.
 */
export function useMswServer(): SetupServer {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}
