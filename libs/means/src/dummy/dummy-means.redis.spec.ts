import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { drawUpContract, findTemplate } from '#contract';
import { Redis } from 'ioredis';
import { RedisSessionStore } from '#store';
import { MemoryProofKeys } from '../testing/memory-proof-keys.js';
import { DummyMeans } from './dummy-means.js';
import type { DummySessionRecord } from './dummy-session.js';

const url = process.env['NUTSHELL_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `nutshell-test:means:${randomBytes(6).toString('hex')}:`;

const template = findTemplate('NL', 'BehandelaarLogin', 'v3');
if (template === undefined) throw new Error('template missing');
const text = drawUpContract({ template, legalEntity: 'Zorg & Zo', legalEntityCity: 'A & B', now: new Date() }).text;

// Two "nodes": separate connections and separate key stores, one Redis prefix.
const stores = [new RedisSessionStore<DummySessionRecord>({ url, keyPrefix: prefix }), new RedisSessionStore<DummySessionRecord>({ url, keyPrefix: prefix })];
const [a, b] = stores.map((store) => new DummyMeans({ store, keys: new MemoryProofKeys(), clockSkewSeconds: 5 })) as [DummyMeans, DummyMeans];

const inspector = new Redis(url, { lazyConnect: true });

afterAll(async () => {
  const keys = await inspector.keys(`${prefix}*`);
  if (keys.length > 0) await inspector.del(...keys);
  await Promise.all([...stores.map((s) => s.close()), inspector.quit()]);
});

describe('DummyMeans on a shared Redis store', () => {
  it('serves one session from two instances: started on one, polled alternately to completion', async () => {
    const { sessionId } = await a.startSession(text, undefined);
    expect((await b.sessionStatus(sessionId))?.status).toBe('created');
    expect((await a.sessionStatus(sessionId))?.status).toBe('in-progress');
    const done = await b.sessionStatus(sessionId);
    expect(done?.status).toBe('completed');
    expect(await a.sessionStatus(sessionId)).toBeUndefined();
    if (done?.status === 'completed') expect(done.verifiablePresentation.proof.Contract).toBe(text);
  });

  it('advances atomically: concurrent polls on both instances each see a different state', async () => {
    const sessions = await Promise.all(Array.from({ length: 10 }, () => a.startSession(text, undefined)));
    const outcomes = await Promise.all(
      sessions.map(async ({ sessionId }) => {
        const polls = await Promise.all([a, b, a, b, a].map((m) => m.sessionStatus(sessionId)));
        return polls.map((p) => p?.status ?? 'gone').sort();
      }),
    );
    for (const states of outcomes) expect(states).toEqual(['completed', 'created', 'gone', 'gone', 'in-progress']);
  });

  it('sets a TTL on new sessions', async () => {
    const { sessionId } = await a.startSession(text, undefined);
    const ttl = await inspector.ttl(`${prefix}${sessionId}`);
    expect(ttl).toBeGreaterThan(14 * 60);
    expect(ttl).toBeLessThanOrEqual(15 * 60);
  });
});
