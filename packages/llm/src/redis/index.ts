// Shared state for a fleet of clients, in Redis (needs the optional peer dependency `ioredis`).
export { createRedisSharedState, redisSharedStateDefaults } from './create-redis-shared-state.ts'
export type { RedisSharedStateOptions } from './create-redis-shared-state.ts'
