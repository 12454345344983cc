import { Redis, type RedisOptions } from 'ioredis';
import { NutshellError, isNutshellError } from '#errors';
import type { SessionStore } from '../session-store.js';

/** Construction options of `RedisSessionStore`. */
export interface RedisSessionStoreOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  readonly url: string;
  /** Prepended to every key and channel, so several stores and test runs can share one database. */
  readonly keyPrefix?: string;
  /** Extra ioredis options (timeouts, TLS); the URL wins for what it specifies. */
  readonly redisOptions?: RedisOptions;
}

/**
 * Compare-and-set: writes only when the key still holds what the caller read, then publishes the
 * new value. Doing the comparison in Lua keeps `update` atomic without WATCH, which would need a
 * connection per concurrent update. ARGV: expected, new value ('' = delete), ttl seconds (0 = keep), channel.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if current ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', ARGV[4], '')
  return 1
end
if ARGV[3] == '0' then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
else
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
end
redis.call('PUBLISH', ARGV[4], ARGV[2])
return 1
`;

/** SET NX EX plus publish, in one step so a subscriber never misses the creation. */
const CREATE = `
local ok = redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2])
if not ok then return 0 end
redis.call('PUBLISH', ARGV[3], ARGV[1])
return 1
`;

const PUT = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[1])
return 1
`;

const DELETE = `
local n = redis.call('DEL', KEYS[1])
if n > 0 then redis.call('PUBLISH', ARGV[1], '') end
return n
`;

const MAX_UPDATE_ATTEMPTS = 200;

// ioredis custom commands: sent as EVALSHA (the script body only once, on NOSCRIPT), not the whole script per call.
const SCRIPTS = { nutshellCreate: CREATE, nutshellPut: PUT, nutshellCompareAndSet: COMPARE_AND_SET, nutshellDelete: DELETE } as const;
type ScriptName = keyof typeof SCRIPTS;
type ScriptCommand = (key: string, ...args: string[]) => Promise<unknown>;

/** The URL without credentials, safe for error details and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'an unparsable Redis URL';
  }
}

/**
 * A `SessionStore` on Redis for several nodes behind one load balancer. Values are JSON strings
 * with a Redis TTL; every write is published on a channel per key so other processes see it.
 */
export class RedisSessionStore<T> implements SessionStore<T> {
  private readonly client: Redis;
  private subscriber: Redis | undefined;
  private readonly listeners = new Map<string, Set<(json: string) => void>>();
  private readonly prefix: string;
  private readonly where: string;
  private readonly options: RedisSessionStoreOptions;

  constructor(options: RedisSessionStoreOptions) {
    this.options = options;
    this.prefix = options.keyPrefix ?? '';
    this.where = describeRedisUrl(options.url);
    this.client = this.connect();
    for (const [name, lua] of Object.entries(SCRIPTS)) this.client.defineCommand(name, { lua, numberOfKeys: 1 });
  }

  /** Resolves when Redis answers; throws STORE_UNAVAILABLE otherwise. */
  async ping(): Promise<void> {
    await this.guard(() => this.client.ping());
  }

  async create(key: string, value: T, ttlSeconds: number): Promise<boolean> {
    const result = await this.guard(() =>
      this.script('nutshellCreate', this.key(key), JSON.stringify(value), String(wholeSeconds(ttlSeconds)), this.channel(key)),
    );
    return result === 1;
  }

  async get(key: string): Promise<T | undefined> {
    const json = await this.guard(() => this.client.get(this.key(key)));
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async put(key: string, value: T, ttlSeconds: number): Promise<void> {
    await this.guard(() =>
      this.script('nutshellPut', this.key(key), JSON.stringify(value), String(wholeSeconds(ttlSeconds)), this.channel(key)),
    );
  }

  async update(key: string, mutate: (current: T) => T | undefined, ttlSeconds?: number): Promise<T | undefined> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.guard(() => this.client.get(this.key(key)));
      if (current === null) return undefined;
      const next = mutate(JSON.parse(current) as T);
      const json = next === undefined ? '' : JSON.stringify(next);
      const ttl = ttlSeconds === undefined ? '0' : String(wholeSeconds(ttlSeconds));
      const written = await this.guard(() => this.script('nutshellCompareAndSet', this.key(key), current, json, ttl, this.channel(key)));
      if (written === 1) return next === undefined ? undefined : (JSON.parse(json) as T);
      // Lost a race: back off a little, with jitter so contenders spread out.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt)));
    }
    throw new NutshellError('STORE_CONFLICT', 'the session changed too often while it was being updated');
  }

  async delete(key: string): Promise<boolean> {
    const removed = await this.guard(() => this.script('nutshellDelete', this.key(key), this.channel(key)));
    return removed === 1;
  }

  async subscribe(key: string, listener: (value: T | undefined) => void): Promise<() => Promise<void>> {
    const channel = this.channel(key);
    const subscriber = this.subscriber ?? this.openSubscriber();
    const handler = (json: string): void => listener(json === '' ? undefined : (JSON.parse(json) as T));
    let set = this.listeners.get(channel);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.guard(() => subscriber.subscribe(channel));
    }
    set.add(handler);
    return async () => {
      const current = this.listeners.get(channel);
      if (current === undefined) return;
      current.delete(handler);
      if (current.size === 0) {
        this.listeners.delete(channel);
        if (subscriber.status === 'ready') await subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all([quit(this.client), this.subscriber === undefined ? undefined : quit(this.subscriber)]);
  }

  private openSubscriber(): Redis {
    const subscriber = this.connect();
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of this.listeners.get(channel) ?? []) handler(message);
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  private connect(): Redis {
    const client = new Redis(this.options.url, {
      lazyConnect: false,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
      // Reconnect forever, but slowly; commands in the meantime fail fast (above) instead of hanging.
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      ...this.options.redisOptions,
    });
    // Without a listener ioredis logs every connection error to stderr; failures surface per command instead.
    client.on('error', () => undefined);
    return client;
  }

  private script(name: ScriptName, key: string, ...args: string[]): Promise<unknown> {
    // defineCommand adds the method at run time; ioredis' types cannot know it.
    const command = (this.client as unknown as Record<ScriptName, ScriptCommand>)[name];
    return command.call(this.client, key, ...args);
  }

  private async guard<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      if (isNutshellError(error)) throw error;
      throw new NutshellError('STORE_UNAVAILABLE', `session store at ${this.where} is unavailable`, { cause: error });
    }
  }

  private key(key: string): string {
    return `${this.prefix}${key}`;
  }

  private channel(key: string): string {
    return `${this.prefix}changes:${key}`;
  }
}

function wholeSeconds(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds));
}

async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
