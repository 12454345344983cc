import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySessionStore } from '#store';
import { IrmaSessionEngine, type StoredSession } from '../session/index.js';
import { FakeProofVerifier, validProof } from '../session/testing/fake-proof-verifier.js';
import { CLIENT_ROUTES, REQUESTOR_ROUTES } from './routes.js';
import type { ProtocolContext, ProtocolHandler, ProtocolRequest } from './types.js';

const disclosure = JSON.stringify({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['irma-demo.MijnOverheid.root.BSN']]] });

function plain(routes: typeof CLIENT_ROUTES, method: string, path: string): ProtocolHandler {
  const route = routes.find((r) => r.method === method && r.path === path);
  if (route === undefined || route.kind !== 'plain') throw new Error(`no plain route ${method} ${path}`);
  return route.handle;
}

function request(fields: Partial<ProtocolRequest>): ProtocolRequest {
  return { method: 'GET', params: {}, headers: {}, body: undefined, ...fields };
}

describe('protocol handlers without a web framework', () => {
  let store: MemorySessionStore<StoredSession>;
  let context: ProtocolContext;

  beforeEach(() => {
    store = new MemorySessionStore<StoredSession>({ sweepIntervalMs: 0 });
    const engine = new IrmaSessionEngine({ store, verifier: new FakeProofVerifier(validProof('a.b.c.d', 'x')), urlPrefix: 'http://localhost/irma', sweepIntervalMs: 0 });
    context = { engine, sse: false, requestorAccess: 'loopback' };
  });
  afterEach(async () => {
    await context.engine.close();
    await store.close();
  });

  const start = plain(REQUESTOR_ROUTES, 'POST', '/session');
  const json = { 'content-type': 'application/json' };

  it('starts sessions for loopback peers only', async () => {
    const local = await start(context, request({ method: 'POST', headers: json, body: disclosure, remoteAddress: '::ffff:127.0.0.1' }));
    expect(local.status).toBe(200);
    const remote = await start(context, request({ method: 'POST', headers: json, body: disclosure, remoteAddress: '10.1.2.3' }));
    expect(remote.status).toBe(403);
    expect(JSON.parse(remote.body)).toMatchObject({ status: 403, error: 'UNAUTHORIZED' });
    const open = await start({ ...context, requestorAccess: 'any' }, request({ method: 'POST', headers: json, body: disclosure, remoteAddress: '10.1.2.3' }));
    expect(open.status).toBe(200);
  });

  it('answers SSE_DISABLED when server-sent events are off', async () => {
    const started = JSON.parse((await start(context, request({ method: 'POST', headers: json, body: disclosure, remoteAddress: '127.0.0.1' }))).body) as {
      sessionPtr: { u: string };
    };
    const clientToken = started.sessionPtr.u.split('/').at(-1)!;
    const route = CLIENT_ROUTES.find((r) => r.path.endsWith('/statusevents') && !r.path.includes('frontend'))!;
    if (route.kind !== 'stream') throw new Error('statusevents must stream');
    const sink = { open: () => undefined, write: () => undefined, end: () => undefined, onClose: () => undefined };
    const refused = await route.handle(context, request({ params: { clientToken } }), sink);
    expect(refused?.status).toBe(500);
    expect(JSON.parse(refused!.body)).toEqual({ status: 500, error: 'SSE_DISABLED', description: 'Server sent events disabled', message: 'server-sent events are disabled' });
  });

  it('never lets an unexpected failure escape as anything but INTERNAL_ERROR', async () => {
    const broken: ProtocolContext = {
      ...context,
      engine: { clientStatus: async () => { throw new TypeError('db password=hunter2'); } } as unknown as ProtocolContext['engine'],
    };
    const response = await plain(CLIENT_ROUTES, 'GET', '/session/:clientToken/status')(broken, request({ params: { clientToken: 'abcdefghijABCDEFGHIJ' } }));
    expect(response.status).toBe(500);
    expect(response.body).toBe('{"status":500,"error":"INTERNAL_ERROR","description":"Internal server error"}');
  });
});
