import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionStore } from './session-store.js';

/** What the contract needs to know about one backend. */
export interface StoreUnderTest {
  /** A store on the shared backend; two calls give two handles that see each other's writes. */
  open(): SessionStore<Counter>;
  /** Lets `seconds` of store time pass (fake clock for memory, a real wait for Redis). */
  elapse(seconds: number): Promise<void>;
  /** Releases every handle and removes every key written by the test. */
  dispose(): Promise<void>;
}

/** The value type the contract stores: small, JSON-only, with a nested object to catch shared references. */
export interface Counter {
  n: number;
  tags: string[];
}

/** Registers the behaviour every `SessionStore` must show, for one backend. */
export function sessionStoreContract(name: string, setup: () => Promise<StoreUnderTest>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let backend: StoreUnderTest;
    let store: SessionStore<Counter>;

    beforeEach(async () => {
      backend = await setup();
      store = backend.open();
    });
    afterEach(async () => {
      await backend.dispose();
    });

    it('creates only when the key is free', async () => {
      expect(await store.create('a', { n: 1, tags: [] }, 60)).toBe(true);
      expect(await store.create('a', { n: 2, tags: [] }, 60)).toBe(false);
      expect(await store.get('a')).toEqual({ n: 1, tags: [] });
    });

    it('returns undefined for absent keys and for update and delete of absent keys', async () => {
      expect(await store.get('missing')).toBeUndefined();
      let called = false;
      expect(await store.update('missing', (c) => { called = true; return c; })).toBeUndefined();
      expect(called).toBe(false);
      expect(await store.delete('missing')).toBe(false);
    });

    it('hands out copies, never shared references', async () => {
      const value = { n: 1, tags: ['x'] };
      await store.put('copy', value, 60);
      value.tags.push('mutated after put');
      const first = await store.get('copy');
      first?.tags.push('mutated after get');
      expect(await store.get('copy')).toEqual({ n: 1, tags: ['x'] });
    });

    it('forgets a key after its TTL', async () => {
      await store.create('short', { n: 1, tags: [] }, 1);
      await store.put('long', { n: 1, tags: [] }, 60);
      await backend.elapse(1.2);
      expect(await store.get('short')).toBeUndefined();
      expect(await store.get('long')).toEqual({ n: 1, tags: [] });
      expect(await store.create('short', { n: 2, tags: [] }, 60)).toBe(true);
    });

    it('keeps the TTL on update without ttl, and replaces it with one', async () => {
      await store.create('kept', { n: 1, tags: [] }, 1);
      await store.create('renewed', { n: 1, tags: [] }, 1);
      await store.update('kept', (c) => ({ ...c, n: c.n + 1 }));
      await store.update('renewed', (c) => ({ ...c, n: c.n + 1 }), 60);
      await backend.elapse(1.2);
      expect(await store.get('kept')).toBeUndefined();
      expect(await store.get('renewed')).toEqual({ n: 2, tags: [] });
    });

    it('applies 50 concurrent increments exactly once each', async () => {
      await store.create('counter', { n: 0, tags: [] }, 60);
      const other = backend.open();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? store : other).update('counter', (c) => ({ ...c, n: c.n + 1 }))),
      );
      expect((await store.get('counter'))?.n).toBe(50);
      const seen = results.map((r) => r?.n).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('deletes when update returns undefined, and on delete', async () => {
      await store.put('gone', { n: 1, tags: [] }, 60);
      expect(await store.update('gone', () => undefined)).toBeUndefined();
      expect(await store.get('gone')).toBeUndefined();
      await store.put('gone2', { n: 1, tags: [] }, 60);
      expect(await store.delete('gone2')).toBe(true);
      expect(await store.get('gone2')).toBeUndefined();
    });

    it('tells subscribers of another handle about every change, until unsubscribed', async () => {
      const watcher = backend.open();
      const seen: (Counter | undefined)[] = [];
      const arrived = waitFor(() => seen.length >= 4);
      const unsubscribe = await watcher.subscribe('watched', (value) => seen.push(value));
      await store.create('watched', { n: 1, tags: [] }, 60);
      await store.put('watched', { n: 2, tags: [] }, 60);
      await store.update('watched', (c) => ({ ...c, n: 3 }));
      await store.delete('watched');
      await arrived;
      expect(seen).toEqual([{ n: 1, tags: [] }, { n: 2, tags: [] }, { n: 3, tags: [] }, undefined]);
      await unsubscribe();
      await store.put('watched', { n: 4, tags: [] }, 60);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).toHaveLength(4);
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
