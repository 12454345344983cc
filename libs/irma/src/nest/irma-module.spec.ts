import 'reflect-metadata';
import { createServer } from 'node:net';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySessionStore } from '#store';
import { IrmaSessionEngine, type StoredSession } from '../session/index.js';
import { FakeProofVerifier, validProof } from '../session/testing/fake-proof-verifier.js';
import { IrmaModule } from './irma.module.js';

const disclosure = { '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['irma-demo.MijnOverheid.root.BSN']]] };
const appHeaders = { 'X-IRMA-MinProtocolVersion': '2.4', 'X-IRMA-MaxProtocolVersion': '2.9', Authorization: 'AppAuthorization0123' };
const JSON_TYPE = 'application/json; charset=UTF-8';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Reads server-sent events from a fetch response until `until` says stop or the stream ends. */
async function readEvents(response: Response, until: (events: string[]) => boolean, timeoutMs = 5_000): Promise<{ events: string[]; ended: boolean }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), deadline - Date.now()))]);
    if (next === 'timeout') break;
    if (next.done) return { events, ended: true };
    buffer += decoder.decode(next.value, { stream: true });
    let split: number;
    while ((split = buffer.indexOf('\n\n')) >= 0) {
      events.push(buffer.slice(0, split));
      buffer = buffer.slice(split + 2);
    }
    if (until(events)) {
      await reader.cancel();
      return { events, ended: false };
    }
  }
  await reader.cancel().catch(() => undefined);
  return { events, ended: false };
}

describe('IrmaModule over HTTP (Nest + Fastify)', () => {
  let app: NestFastifyApplication;
  let base: string;
  let verifier: FakeProofVerifier;
  let store: MemorySessionStore<StoredSession>;
  let engine: IrmaSessionEngine;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    store = new MemorySessionStore<StoredSession>({ sweepIntervalMs: 0 });
    verifier = new FakeProofVerifier(validProof('irma-demo.MijnOverheid.root.BSN', '999999990'));
    engine = new IrmaSessionEngine({ store, verifier, urlPrefix: `${base}/irma`, sweepIntervalMs: 0 });
    const moduleRef = await Test.createTestingModule({ imports: [IrmaModule.forRoot({ engine })] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.listen(port, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await engine.close();
    await store.close();
  });

  async function startSession(request: unknown = disclosure) {
    const response = await fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    expect(response.status).toBe(200);
    const pkg = (await response.json()) as { sessionPtr: { u: string; irmaqr: string }; token: string; frontendRequest: { authorization: string; pairingHint?: boolean } };
    return { ...pkg, u: pkg.sessionPtr.u, frontend: { Authorization: pkg.frontendRequest.authorization } };
  }

  it('runs a full disclosure with pairing in the order the Yivi web client and app use (ecosystem §D)', async () => {
    const session = await startSession({ ...disclosure, disclose: [[[{ type: 'irma-demo.MijnOverheid.root.BSN', value: '999999990' }]]] });
    expect(session.u.startsWith(`${base}/irma/session/`)).toBe(true);
    expect(session.frontendRequest).toMatchObject({ pairingHint: true, minProtocolVersion: '1.0', maxProtocolVersion: '1.1' });

    const optionsResponse = await fetch(`${session.u}/frontend/options`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...session.frontend },
      body: JSON.stringify({ '@context': 'https://irma.app/ld/request/frontendoptions/v1', pairingMethod: 'pin' }),
    });
    expect(optionsResponse.status).toBe(200);
    expect(optionsResponse.headers.get('content-type')).toBe(JSON_TYPE);
    const options = (await optionsResponse.json()) as { pairingCode: string };
    expect(options).toEqual({ '@context': 'https://irma.app/ld/options/v1', pairingMethod: 'pin', pairingCode: expect.stringMatching(/^\d{4}$/) });

    const frontendStatus = async () => (await fetch(`${session.u}/frontend/status`, { headers: session.frontend })).json();
    expect(await frontendStatus()).toEqual({ status: 'INITIALIZED' });

    const first = await fetch(`${session.u}/`, { headers: appHeaders });
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as Record<string, unknown>;
    expect(firstBody).toEqual({
      '@context': 'https://irma.app/ld/request/client/v1',
      protocolVersion: '2.8',
      options: { '@context': 'https://irma.app/ld/options/v1', pairingMethod: 'pin', pairingCode: options.pairingCode },
    });
    expect(await frontendStatus()).toEqual({ status: 'PAIRING' });

    const early = await fetch(`${session.u}/request`, { headers: appHeaders });
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({ status: 403, error: 'PAIRING_REQUIRED', description: 'Pairing is required first' });

    const paired = await fetch(`${session.u}/frontend/pairingcompleted`, { method: 'POST', headers: session.frontend });
    expect(paired.status).toBe(204);
    expect(await paired.text()).toBe('');
    expect(await frontendStatus()).toEqual({ status: 'CONNECTED' });

    const request = await fetch(`${session.u}/request`, { headers: appHeaders });
    expect(request.status).toBe(200);
    expect(await request.json()).toMatchObject({
      '@context': 'https://irma.app/ld/request/disclosure/v2',
      context: 'AQ==',
      protocolVersion: '2.8',
      disclose: [[[{ type: 'irma-demo.MijnOverheid.root.BSN', value: '999999990' }]]],
    });

    const posted = await fetch(`${session.u}/proofs`, {
      method: 'POST',
      headers: { ...appHeaders, 'Content-Type': 'application/json' },
      body: JSON.stringify({ proofs: [{}], indices: [[{ cred: 0, attr: 2 }]] }),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toBe('{"proofStatus":"VALID"}');
    expect(await frontendStatus()).toEqual({ status: 'DONE' });

    const result = await fetch(`${base}/session/${session.token}/result`);
    expect(result.status).toBe(200);
    expect(await result.json()).toEqual({
      token: session.token,
      status: 'DONE',
      type: 'disclosing',
      proofStatus: 'VALID',
      disclosed: validProof('irma-demo.MijnOverheid.root.BSN', '999999990').disclosed,
    });
    const status = await fetch(`${base}/session/${session.token}/status`);
    expect(await status.text()).toBe('"DONE"');
  });

  it('serves the app without pairing, with and without the trailing slash, and the client status as a JSON string', async () => {
    const session = await startSession();
    expect((await fetch(`${session.u}/status`)).headers.get('content-type')).toBe(JSON_TYPE);
    expect(await (await fetch(`${session.u}/status`)).text()).toBe('"INITIALIZED"');
    const first = await fetch(session.u, { headers: appHeaders });
    expect(((await first.json()) as { request?: unknown }).request).toBeDefined();
    // A retry of the first GET is answered from the cache, not refused.
    expect((await fetch(`${session.u}/`, { headers: appHeaders })).status).toBe(200);
    expect(await (await fetch(`${session.u}/status/`)).text()).toBe('"CONNECTED"');
  });

  it('streams status changes as server-sent events, ending at a final status', async () => {
    const session = await startSession();
    const stream = await fetch(`${session.u}/statusevents`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('cache-control')).toBe('no-cache');
    const frontendStream = await fetch(`${session.u}/frontend/statusevents`, { headers: session.frontend });
    const requestorStream = await fetch(`${base}/session/${session.token}/statusevents`);

    const reading = readEvents(stream, () => false);
    const readingFrontend = readEvents(frontendStream, () => false);
    const readingRequestor = readEvents(requestorStream, () => false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fetch(`${session.u}/`, { headers: appHeaders });
    expect((await fetch(session.u, { method: 'DELETE' })).status).toBe(200);

    const { events, ended } = await reading;
    expect(ended).toBe(true);
    expect(events).toEqual(['event: open', 'data: "CONNECTED"', 'data: "CANCELLED"']);
    expect((await readingFrontend).events).toEqual(['event: open', 'data: {"status":"CONNECTED"}', 'data: {"status":"CANCELLED"}']);
    expect((await readingRequestor).events.filter((e) => e.startsWith('data:'))).toEqual(['data: "CONNECTED"', 'data: "CANCELLED"']);

    const late = await fetch(`${session.u}/statusevents`);
    expect(late.status).toBe(403);
    expect(await late.json()).toMatchObject({ error: 'UNEXPECTED_REQUEST' });
  });

  it('keeps streaming status changes of a session whose request pins the host', async () => {
    const session = await startSession({ ...disclosure, host: new URL(base).host });
    const stream = await fetch(`${session.u}/statusevents`);
    const reading = readEvents(stream, (events) => events.includes('data: "CONNECTED"'), 4_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${session.u}/`, { headers: appHeaders })).status).toBe(200);
    const { events } = await reading;
    expect(events).toContain('data: "CONNECTED"');
    await fetch(session.u, { method: 'DELETE' });
  });

  it('sends TIMEOUT on the stream when nobody finishes the session in time', async () => {
    const session = await startSession({ timeout: 1, request: disclosure });
    const stream = await fetch(`${session.u}/statusevents`);
    const { events, ended } = await readEvents(stream, () => false, 4_000);
    expect(ended).toBe(true);
    expect(events).toEqual(['event: open', 'data: "TIMEOUT"']);
    expect(await (await fetch(`${base}/session/${session.token}/result`)).json()).toEqual({ token: session.token, status: 'TIMEOUT', type: 'disclosing' });
  });

  it('cancels through DELETE from the frontend (no authorization) and from the requestor', async () => {
    const a = await startSession();
    const deleted = await fetch(a.u, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toBe('');
    expect(deleted.headers.get('content-type')).toBeNull();
    expect(await (await fetch(`${base}/session/${a.token}/result`)).json()).toEqual({ token: a.token, status: 'CANCELLED', type: 'disclosing' });

    const b = await startSession();
    expect((await fetch(`${base}/session/${b.token}`, { method: 'DELETE' })).status).toBe(200);
    expect(await (await fetch(`${b.u}/status`)).text()).toBe('"CANCELLED"');
  });

  it('answers bad input with irmago RemoteErrors', async () => {
    const session = await startSession();
    const expectError = async (response: Promise<Response>, status: number, error: string) => {
      const r = await response;
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toBe(JSON_TYPE);
      const body = (await r.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status, error });
      return body;
    };

    const unknown = await expectError(fetch(`${base}/irma/session/abcdefghijABCDEFGHIJ/status`), 400, 'SESSION_UNKNOWN');
    expect(unknown.description).toBe('Unknown or expired session');
    await expectError(fetch(`${base}/irma/session/short/status`), 400, 'INVALID_REQUEST');
    await expectError(fetch(`${base}/session/abcdefghijABCDEFGHIJ/result`), 400, 'SESSION_UNKNOWN');
    await expectError(fetch(`${session.u}/frontend/status`, { headers: { Authorization: 'wrong' } }), 403, 'UNAUTHORIZED');
    await expectError(fetch(`${session.u}/frontend/status`), 403, 'UNAUTHORIZED');
    await expectError(
      fetch(`${session.u}/frontend/options`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...session.frontend }, body: '{not json' }),
      400,
      'MALFORMED_INPUT',
    );
    await expectError(fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' }), 400, 'INVALID_REQUEST');
    await expectError(fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'eyJ.x.y' }), 400, 'INVALID_REQUEST');
    await expectError(
      fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ '@context': 'nope' }) }),
      400,
      'MALFORMED_VERIFIER_REQUEST',
    );

    await expectError(fetch(`${session.u}/`, { headers: { ...appHeaders, 'X-IRMA-MinProtocolVersion': 'x' } }), 400, 'MALFORMED_INPUT');
    expect(await (await fetch(`${session.u}/status`)).text()).toBe('"INITIALIZED"');
    await expectError(
      fetch(`${session.u}/`, { headers: { ...appHeaders, 'X-IRMA-MinProtocolVersion': '2.4', 'X-IRMA-MaxProtocolVersion': '2.7' } }),
      400,
      'PROTOCOL_VERSION',
    );
    expect(await (await fetch(`${session.u}/status`)).text()).toBe('"CANCELLED"');

    const connected = await startSession();
    await fetch(`${connected.u}/`, { headers: appHeaders });
    await expectError(
      fetch(`${connected.u}/proofs`, { method: 'POST', headers: { ...appHeaders, 'Content-Type': 'application/json' }, body: '{"proofs": [' }),
      400,
      'MALFORMED_INPUT',
    );
    await expectError(
      fetch(`${connected.u}/proofs`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'OtherAppAuthorizat01' }, body: '{}' }),
      403,
      'UNAUTHORIZED',
    );
    expect(await (await fetch(`${connected.u}/status`)).text()).toBe('"CONNECTED"');
  });

  it("answers unknown routes and methods under the prefix exactly like irmago", async () => {
    const notFound = await fetch(`${base}/irma/nothing/here`);
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toBe('{"status":404,"error":"INVALID_REQUEST"}');
    const session = await startSession();
    const wrongMethod = await fetch(`${session.u}/proofs`, { method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.text()).toBe('{"status":405,"error":"INVALID_REQUEST"}');
  });

  it('refuses issuance at the requestor endpoint', async () => {
    const response = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ '@context': 'https://irma.app/ld/request/issuance/v2', credentials: [{ credential: 'a.b.c', attributes: {} }] }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'ISSUING_DISABLED', description: 'This server does not support issuing' });
  });
});

describe('IrmaModule.forRootAsync', () => {
  it('mounts under a custom prefix from a factory and can leave the requestor endpoints out', async () => {
    const store = new MemorySessionStore<StoredSession>({ sweepIntervalMs: 0 });
    const engine = new IrmaSessionEngine({ store, verifier: new FakeProofVerifier(validProof('a.b.c.d', 'x')), urlPrefix: 'http://127.0.0.1/auth/irmaclient', sweepIntervalMs: 0 });
    const moduleRef = await Test.createTestingModule({
      imports: [IrmaModule.forRootAsync({ useFactory: async () => ({ engine, prefix: '/auth/irmaclient', requestorPrefix: false }) })],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.listen(0, '127.0.0.1');
    try {
      const base = await app.getUrl();
      const pkg = await engine.startSession(disclosure);
      const ct = pkg.sessionPtr.u.split('/').at(-1)!;
      expect(pkg.sessionPtr.u).toBe(`http://127.0.0.1/auth/irmaclient/session/${ct}`);
      expect(await (await fetch(`${base}/auth/irmaclient/session/${ct}/status`)).text()).toBe('"INITIALIZED"');
      expect(await (await fetch(`${base}/auth/irmaclient/unknown`)).text()).toBe('{"status":404,"error":"INVALID_REQUEST"}');
      const requestor = await fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(disclosure) });
      expect(requestor.status).toBe(404);
      expect(await requestor.text()).not.toContain('INVALID_REQUEST');
    } finally {
      await app.close();
      await engine.close();
      await store.close();
    }
  });
});
