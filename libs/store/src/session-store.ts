/**
 * Where short-lived session state lives. One interface for every kind of session in nutshell
 * (signing sessions of the means, IRMA sessions), with an in-memory implementation for a single
 * embedded node and a Redis implementation for several nodes behind one load balancer.
 *
 * Values must be JSON-serialisable (encode bigints as strings): the Redis store keeps JSON, and the
 * in-memory store keeps copies as JSON would return them, so both behave the same.
 */
export interface SessionStore<T> {
  /** Stores `value` under `key` only when the key is free; true when it was stored. */
  create(key: string, value: T, ttlSeconds: number): Promise<boolean>;
  /** The current value, or undefined when absent or expired. */
  get(key: string): Promise<T | undefined>;
  /** Stores `value` under `key`, replacing what was there. */
  put(key: string, value: T, ttlSeconds: number): Promise<void>;
  /**
   * Atomically replaces the value with `mutate(current)`; retried on concurrent writes.
   * `mutate` returning undefined deletes the key. Resolves to the new value, or undefined when
   * the key was absent (mutate is then not called) or deleted. `ttlSeconds` undefined keeps the TTL.
   */
  update(key: string, mutate: (current: T) => T | undefined, ttlSeconds?: number): Promise<T | undefined>;
  /** Removes the key; true when something was removed. */
  delete(key: string): Promise<boolean>;
  /**
   * Calls `listener` after every change of `key` made through any store sharing the same backend
   * (other node processes included, for Redis). Resolves to an unsubscribe function.
   */
  subscribe(key: string, listener: (value: T | undefined) => void): Promise<() => Promise<void>>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** Configuration of a store backend, as chosen by `NUTSHELL_SESSION_STORE`. */
export type SessionStoreConfig =
  | { readonly kind: 'memory'; readonly sweepIntervalMs?: number }
  | { readonly kind: 'redis'; readonly url: string; readonly keyPrefix?: string };
