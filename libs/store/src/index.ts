export type { SessionStore, SessionStoreConfig } from './session-store.js';
export { MemorySessionStore, type MemorySessionStoreOptions } from './memory/memory-session-store.js';
export { RedisSessionStore, describeRedisUrl, type RedisSessionStoreOptions } from './redis/redis-session-store.js';
export { createSessionStore, openSessionStore } from './create-session-store.js';
