import type { SessionStore, SessionStoreConfig } from './session-store.js';
import { MemorySessionStore } from './memory/memory-session-store.js';
import { RedisSessionStore } from './redis/redis-session-store.js';

/**
 * Builds the store a config asks for. `namespace` separates kinds of sessions (e.g. `irma`,
 * `means`) that share one backend. Connection problems surface as STORE_UNAVAILABLE on first use;
 * call `openSessionStore` to find out at startup instead.
 */
export function createSessionStore<T>(config: SessionStoreConfig, namespace: string): SessionStore<T> {
  switch (config.kind) {
    case 'memory':
      return new MemorySessionStore<T>({ sweepIntervalMs: config.sweepIntervalMs });
    case 'redis':
      return new RedisSessionStore<T>({ url: config.url, keyPrefix: `${config.keyPrefix ?? 'nutshell:'}${namespace}:` });
  }
}

/** Like `createSessionStore`, but waits until the backend answers; throws STORE_UNAVAILABLE otherwise. */
export async function openSessionStore<T>(config: SessionStoreConfig, namespace: string): Promise<SessionStore<T>> {
  const store = createSessionStore<T>(config, namespace);
  if (store instanceof RedisSessionStore) {
    try {
      await store.ping();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
