import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisSessionStore, describeRedisUrl } from './redis-session-store.js';
import { createSessionStore, openSessionStore } from '../create-session-store.js';
import { sessionStoreContract, type Counter } from '../session-store.contract.js';

const url = process.env.NUTSHELL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runPrefix = `nutshell-test:${randomUUID()}:`;

async function removeKeys(prefix: string): Promise<void> {
  const admin = new Redis(url);
  try {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
  } finally {
    await admin.quit();
  }
}

afterAll(async () => {
  await removeKeys(runPrefix);
});

sessionStoreContract('redis', async () => {
  const prefix = `${runPrefix}${randomUUID()}:`;
  const handles: RedisSessionStore<Counter>[] = [];
  return {
    open: () => {
      const handle = new RedisSessionStore<Counter>({ url, keyPrefix: prefix });
      handles.push(handle);
      return handle;
    },
    elapse: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
    dispose: async () => {
      await Promise.all(handles.map((h) => h.close()));
      await removeKeys(prefix);
    },
  };
});

describe('RedisSessionStore', () => {
  it('keeps keys under its prefix', async () => {
    const prefix = `${runPrefix}prefixed:`;
    const store = new RedisSessionStore<number>({ url, keyPrefix: prefix });
    await store.put('k', 7, 60);
    const admin = new Redis(url);
    expect(await admin.get(`${prefix}k`)).toBe('7');
    await admin.quit();
    await store.close();
  });

  it('separates namespaces made by the factory', async () => {
    const config = { kind: 'redis', url, keyPrefix: runPrefix } as const;
    const a = createSessionStore<number>(config, 'a');
    const b = createSessionStore<number>(config, 'b');
    await a.put('same', 1, 60);
    expect(await b.get('same')).toBeUndefined();
    expect(await a.get('same')).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('reports an unreachable Redis as STORE_UNAVAILABLE without the password', async () => {
    const config = { kind: 'redis', url: 'redis://user:s3cret@127.0.0.1:1', keyPrefix: runPrefix } as const;
    const failure = await openSessionStore<number>(config, 'x').then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((failure as Error).message).toContain('127.0.0.1:1');
    expect((failure as Error).message).not.toContain('s3cret');
  });

  it('describes URLs without credentials', () => {
    expect(describeRedisUrl('redis://admin:pw@redis.internal:6380/2')).toBe('redis://redis.internal:6380/2');
  });
});
