import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisSessionStore } from '#store';
import { IrmaSessionEngine, type StoredSession } from '../session/index.js';
import { FakeProofVerifier, validProof } from '../session/testing/fake-proof-verifier.js';
import { IrmaModule } from './irma.module.js';

const redisUrl = process.env.NUTSHELL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `nutshell-test:irma-http:${randomUUID()}:`;
const disclosure = { '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['irma-demo.MijnOverheid.root.BSN']]] };
const appHeaders = { 'X-IRMA-MinProtocolVersion': '2.4', 'X-IRMA-MaxProtocolVersion': '2.9', Authorization: 'AppAuthorization0123' };

interface Node {
  app: NestFastifyApplication;
  engine: IrmaSessionEngine;
  store: RedisSessionStore<StoredSession>;
  base: string;
}

async function startNode(): Promise<Node> {
  const store = new RedisSessionStore<StoredSession>({ url: redisUrl, keyPrefix: prefix });
  const verifier = new FakeProofVerifier(validProof('irma-demo.MijnOverheid.root.BSN', '999999990'));
  // Behind a load balancer both nodes would share one public URL; the test addresses each node directly.
  const engine = new IrmaSessionEngine({ store, verifier, urlPrefix: 'http://127.0.0.1/irma', sweepIntervalMs: 0 });
  const moduleRef = await Test.createTestingModule({ imports: [IrmaModule.forRoot({ engine })] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  await app.listen(0, '127.0.0.1');
  return { app, engine, store, base: await app.getUrl() };
}

/** Collects `data:` lines of an SSE response until the stream ends. */
async function collect(response: Response): Promise<string[]> {
  const text = await response.text();
  return text.split('\n\n').filter((event) => event.startsWith('data:'));
}

describe('two nodes behind one Redis, over HTTP', () => {
  let a: Node;
  let b: Node;

  beforeAll(async () => {
    [a, b] = await Promise.all([startNode(), startNode()]);
  });
  afterAll(async () => {
    for (const node of [a, b]) {
      await node.app.close();
      await node.engine.close();
      await node.store.close();
    }
    const admin = new Redis(redisUrl);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('streams on node A the changes the app makes through node B, and A serves the result', async () => {
    const started = await fetch(`${a.base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(disclosure) });
    const pkg = (await started.json()) as { sessionPtr: { u: string }; token: string; frontendRequest: { authorization: string } };
    const clientToken = pkg.sessionPtr.u.split('/').at(-1)!;
    const onA = `${a.base}/irma/session/${clientToken}`;
    const onB = `${b.base}/irma/session/${clientToken}`;

    const stream = await fetch(`${onA}/frontend/statusevents`, { headers: { Authorization: pkg.frontendRequest.authorization } });
    expect(stream.status).toBe(200);
    const events = collect(stream);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await fetch(`${onB}/`, { headers: appHeaders })).status).toBe(200);
    const posted = await fetch(`${onB}/proofs`, { method: 'POST', headers: { ...appHeaders, 'Content-Type': 'application/json' }, body: '{"proofs":[{}]}' });
    expect(await posted.json()).toEqual({ proofStatus: 'VALID' });

    expect(await events).toEqual(['data: {"status":"CONNECTED"}', 'data: {"status":"DONE"}']);
    expect(await (await fetch(`${a.base}/session/${pkg.token}/result`)).json()).toMatchObject({ status: 'DONE', proofStatus: 'VALID' });
  });
});
