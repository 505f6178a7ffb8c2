// msw handlers (a separate entry so the server entry never loads msw)
export { createMockHandlers } from './create-mock-handlers.ts'
export type { CreateMockHandlersOptions } from './create-mock-handlers.ts'
