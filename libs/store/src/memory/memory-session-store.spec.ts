import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from './memory-session-store.js';
import { sessionStoreContract, type Counter } from '../session-store.contract.js';

sessionStoreContract('memory', async () => {
  let now = 1_700_000_000_000;
  // One backend per test; every "handle" is the same instance, as two modules of one process would share it.
  const store = new MemorySessionStore<Counter>({ now: () => now, sweepIntervalMs: 0 });
  return {
    open: () => store,
    elapse: async (seconds) => {
      now += seconds * 1000;
    },
    dispose: () => store.close(),
  };
});

describe('MemorySessionStore', () => {
  it('sweeps expired entries', async () => {
    let now = 0;
    const store = new MemorySessionStore<number>({ now: () => now, sweepIntervalMs: 0 });
    await store.put('a', 1, 1);
    await store.put('b', 2, 10);
    now = 2_000;
    expect(store.sweep()).toBe(1);
    expect(await store.get('b')).toBe(2);
    await store.close();
  });

  it('refuses use after close', async () => {
    const store = new MemorySessionStore<number>();
    await store.close();
    await expect(store.get('a')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
