import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisSessionStore } from '#store';
import { IrmaSessionEngine } from './engine.js';
import type { StoredSession } from './stored-session.js';
import type { SessionStatus } from './status.js';
import { FakeProofVerifier, validProof } from './testing/fake-proof-verifier.js';

const url = process.env.NUTSHELL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `nutshell-test:engine:${randomUUID()}:`;
const disclosure = { '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['irma-demo.MijnOverheid.root.BSN']]] };
const app = { minProtocolVersion: '2.4', maxProtocolVersion: '2.9', authorization: 'AppAuthorization0123' };

afterAll(async () => {
  const admin = new Redis(url);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

describe('two engines on one Redis act as one server', () => {
  let stores: RedisSessionStore<StoredSession>[];
  let nodeA: IrmaSessionEngine;
  let nodeB: IrmaSessionEngine;

  beforeEach(() => {
    stores = [new RedisSessionStore<StoredSession>({ url, keyPrefix: prefix }), new RedisSessionStore<StoredSession>({ url, keyPrefix: prefix })];
    const verifier = new FakeProofVerifier(validProof('irma-demo.MijnOverheid.root.BSN', '999999990'));
    const urlPrefix = 'http://localhost:1323/irma';
    nodeA = new IrmaSessionEngine({ store: stores[0]!, verifier, urlPrefix, sweepIntervalMs: 0 });
    nodeB = new IrmaSessionEngine({ store: stores[1]!, verifier, urlPrefix, sweepIntervalMs: 0 });
  });
  afterEach(async () => {
    await Promise.all([nodeA.close(), nodeB.close()]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('completes through node B a session started on node A, and A sees every change', async () => {
    const pkg = await nodeA.startSession(disclosure);
    const ct = pkg.sessionPtr.u.slice(pkg.sessionPtr.u.lastIndexOf('/') + 1);
    const seen: SessionStatus[] = [];
    const stop = await nodeA.watch(ct, (status) => seen.push(status));

    const frontend = { authorization: pkg.frontendRequest.authorization };
    await nodeB.setFrontendOptions(ct, frontend, { '@context': 'https://irma.app/ld/request/frontendoptions/v1', pairingMethod: 'pin' });
    await nodeB.getClientRequest(ct, app);
    expect(await nodeA.frontendStatus(ct, frontend)).toEqual({ status: 'PAIRING' });
    await nodeA.pairingCompleted(ct, frontend);
    await nodeB.getPairedRequest(ct, app);
    expect(await nodeB.postProofs(ct, app, { proofs: [{}] })).toEqual({ proofStatus: 'VALID' });
    expect(await nodeA.result(pkg.token)).toMatchObject({ status: 'DONE', proofStatus: 'VALID' });

    const deadline = Date.now() + 3_000;
    while (seen.at(-1) !== 'DONE' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    // The options write keeps INITIALIZED; the transitions follow in order.
    expect(seen.filter((status, i) => status !== seen[i - 1])).toEqual(['INITIALIZED', 'PAIRING', 'CONNECTED', 'DONE']);
    await stop();
  });

  it('lets exactly one of two racing first GETs on different nodes win', async () => {
    const pkg = await nodeA.startSession(disclosure);
    const ct = pkg.sessionPtr.u.slice(pkg.sessionPtr.u.lastIndexOf('/') + 1);
    const outcomes = await Promise.allSettled([
      nodeA.getClientRequest(ct, app),
      nodeB.getClientRequest(ct, { ...app, authorization: 'OtherAppAuthorizat01' }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'IRMA_UNEXPECTED_REQUEST' } });
    expect(await nodeB.status(pkg.token)).toBe('CONNECTED');
  });

  it('cancels on one node what was started on the other', async () => {
    const pkg = await nodeA.startSession(disclosure);
    await nodeB.cancel(pkg.token);
    expect(await nodeA.status(pkg.token)).toBe('CANCELLED');
  });
});
