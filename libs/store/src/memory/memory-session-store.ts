import { EventEmitter } from 'node:events';
import { NutshellError } from '#errors';
import type { SessionStore } from '../session-store.js';
import { copyJsonTree, type JsonTree, toJsonTree } from './json-tree.js';

interface Entry {
  /** The value as JSON would return it; never handed out itself, only copies, as the Redis store does. */
  readonly tree: JsonTree;
  /** Epoch milliseconds after which the entry counts as absent. */
  readonly expiresAt: number;
}

/** Construction options of `MemorySessionStore`. */
export interface MemorySessionStoreOptions {
  /** How often expired entries are purged; reads check expiry themselves, so this only bounds memory. */
  readonly sweepIntervalMs?: number;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  readonly now?: () => number;
}

/**
 * A `SessionStore` for a single embedded node. Values are kept as JSON would return them, so that code
 * which works here also works against Redis (no shared references, no bigints, no Dates), but as copied
 * object trees rather than text: a status poll then costs a structural copy, not a parse and a stringify.
 */
export class MemorySessionStore<T> implements SessionStore<T> {
  private readonly entries = new Map<string, Entry>();
  private readonly events = new EventEmitter();
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    // Many SSE streams may watch one session; the default limit of 10 would only produce noise.
    this.events.setMaxListeners(0);
    const interval = options.sweepIntervalMs ?? 10_000;
    if (interval > 0) {
      this.timer = setInterval(() => this.sweep(), interval);
      this.timer.unref();
    }
  }

  /** Drops every expired entry; returns how many were dropped. */
  sweep(): number {
    const now = this.now();
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  async create(key: string, value: T, ttlSeconds: number): Promise<boolean> {
    this.assertOpen();
    if (this.live(key) !== undefined) return false;
    this.write(key, toJsonTree(value), this.now() + ttlSeconds * 1000);
    return true;
  }

  async get(key: string): Promise<T | undefined> {
    this.assertOpen();
    const entry = this.live(key);
    return entry === undefined ? undefined : (copyJsonTree(entry.tree) as T);
  }

  async put(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.assertOpen();
    this.write(key, toJsonTree(value), this.now() + ttlSeconds * 1000);
  }

  async update(key: string, mutate: (current: T) => T | undefined, ttlSeconds?: number): Promise<T | undefined> {
    this.assertOpen();
    const entry = this.live(key);
    if (entry === undefined) return undefined;
    // Single-threaded and synchronous from read to write, so no other update can interleave.
    const next = mutate(copyJsonTree(entry.tree) as T);
    if (next === undefined) {
      this.entries.delete(key);
      this.emit(key, undefined);
      return undefined;
    }
    const tree = toJsonTree(next);
    this.write(key, tree, ttlSeconds === undefined ? entry.expiresAt : this.now() + ttlSeconds * 1000);
    return copyJsonTree(tree) as T;
  }

  async delete(key: string): Promise<boolean> {
    this.assertOpen();
    const existed = this.live(key) !== undefined;
    this.entries.delete(key);
    if (existed) this.emit(key, undefined);
    return existed;
  }

  async subscribe(key: string, listener: (value: T | undefined) => void): Promise<() => Promise<void>> {
    this.assertOpen();
    const handler = (tree: JsonTree | undefined): void => listener(tree === undefined ? undefined : (copyJsonTree(tree) as T));
    this.events.on(key, handler);
    return async () => {
      this.events.off(key, handler);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.events.removeAllListeners();
    this.entries.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private write(key: string, tree: JsonTree, expiresAt: number): void {
    this.entries.set(key, { tree, expiresAt });
    this.emit(key, tree);
  }

  private emit(key: string, tree: JsonTree | undefined): void {
    // Nobody watches most keys (status polls); skip the microtask for them.
    if (this.events.listenerCount(key) === 0) return;
    // Deliver after the write has returned, like a pub/sub message would, so listeners that
    // call back into the store never run inside another operation.
    queueMicrotask(() => this.events.emit(key, tree));
  }

  private assertOpen(): void {
    if (this.closed) throw new NutshellError('STORE_UNAVAILABLE', 'the in-memory session store is closed');
  }
}
