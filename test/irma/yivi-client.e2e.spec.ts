import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueCredential, type Credential } from '../../libs/irma/src/testing/prover.js';
import { loadTestConfiguration } from '../../libs/irma/src/testing/test-configuration.js';
import { freePort, startTestNode, type TestNode } from '../support/test-node.js';
import { preflightFor, preflightAllows } from '../support/yivi/cors.js';
import { fetchEventSource, installEventSource } from '../support/yivi/event-source.js';
import { installFetchRecorder, type FetchRecorder, type RecordedRequest } from '../support/yivi/fetch-recorder.js';
import { collapsedSteps, polledStatuses, type SequenceNames } from '../support/yivi/sequence.js';
import { TestYiviApp } from '../support/yivi/test-app.js';
import { sessionPointerOf, startWebClient, type WebClient, type WebClientOptions } from '../support/yivi/web-client.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';
const DISCLOSURE = 'https://irma.app/ld/request/disclosure/v2';
const SIGNATURE = 'https://irma.app/ld/request/signature/v2';
const FRONTEND_OPTIONS = 'https://irma.app/ld/request/frontendoptions/v1';
// The client's default is 500 ms; a shorter interval only makes the suite quicker, the requests are the same.
const POLLING = { polling: { interval: 100 } };

interface SessionPackage {
  sessionPtr: { u: string; irmaqr: string };
  token: string;
  frontendRequest: { authorization: string; pairingHint?: boolean; minProtocolVersion: string; maxProtocolVersion: string };
}

/** A code the user can type into the web page once the test has read it off the app. */
function keyboard(): { type(code: string): void; enterCode: () => Promise<string> } {
  const codes: string[] = [];
  const waiting: ((code: string) => void)[] = [];
  return {
    type: (code) => {
      const next = waiting.shift();
      if (next !== undefined) next(code);
      else codes.push(code);
    },
    enterCode: () => new Promise((resolve) => (codes.length > 0 ? resolve(codes.shift()!) : waiting.push(resolve))),
  };
}

/** The session package the node answered to the client's start POST (the first recorded request). */
function sessionPackageOf(requests: readonly RecordedRequest[]): SessionPackage {
  expect(requests[0]).toMatchObject({ method: 'POST', status: 200 });
  return JSON.parse(requests[0]!.responseBody) as SessionPackage;
}

/**
 * The collapsed steps of a paired session that completes: by polling the status is polled again
 * after pairing, over SSE the one subscription carries every change.
 */
function pairedSteps(transport: 'polling' | 'SSE'): string[] {
  const watch = transport === 'SSE' ? 'GET {u}/frontend/statusevents' : 'GET {u}/frontend/status';
  return [
    'POST {requestor}/session',
    'POST {u}/frontend/options',
    watch,
    'POST {u}/frontend/pairingcompleted',
    ...(transport === 'SSE' ? [] : [watch]),
    'GET {requestor}/session/{token}/result',
  ];
}

/** Per-endpoint header and body checks of ecosystem.md §D.1 over every request the client made. */
function expectConformingRequests(requests: readonly RecordedRequest[], names: SequenceNames, pkg: SessionPackage): void {
  for (const request of requests) {
    const path = request.url.startsWith(names.u) ? request.url.slice(names.u.length) : undefined;
    if (path === '/frontend/statusevents') {
      // Whether Authorization goes along depends on the EventSource implementation; each SSE test checks it.
      expect(request.method).toBe('GET');
      expect(request.headers['accept']).toBe('text/event-stream');
    } else if (path?.startsWith('/frontend/')) {
      // The raw frontend token, not "Bearer …": the node compares the header with the token as is.
      expect(request.headers['authorization'], request.url).toBe(pkg.frontendRequest.authorization);
    } else {
      expect(request.headers['authorization'], `${request.method} ${request.url}`).toBeUndefined();
    }
    if (request.method === 'POST' && request.url === `${names.requestorUrl}/session`) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.responseContentType).toMatch(/^application\/json/);
    } else if (path === '/frontend/statusevents') {
      if (request.status === 200) expect(request.responseContentType).toBe('text/event-stream');
    } else if (path === '/frontend/options') {
      expect(request.method).toBe('POST');
      expect(request.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request.body!)).toMatchObject({ '@context': FRONTEND_OPTIONS });
      expect(request.status).toBe(200);
      expect(request.responseContentType).toMatch(/^application\/json/);
    } else if (path === '/frontend/status' || path === '/status') {
      expect(request.method).toBe('GET');
      expect(request.cache).toBe('no-store');
      expect(request.status).toBe(200);
      expect(request.responseContentType).toMatch(/^application\/json/);
    } else if (path === '/frontend/pairingcompleted') {
      expect(request.method).toBe('POST');
      expect(request.body).toBeUndefined();
      expect(request.status).toBe(204);
    } else if (path === '') {
      expect(request.method).toBe('DELETE');
      expect(request.status).toBe(200);
    } else if (request.url === `${names.requestorUrl}/session/${names.token}/result`) {
      expect(request.method).toBe('GET');
      expect(request.status).toBe(200);
      expect(request.responseContentType).toMatch(/^application\/json/);
    } else {
      expect.unreachable(`unexpected client request ${request.method} ${request.url}`);
    }
  }
}

/**
 * In a browser the page and the node's `/irma/session` endpoints are usually different origins:
 * every client call to `{u}` must carry Access-Control-Allow-Origin, and every non-simple one
 * (Authorization, JSON body, DELETE) must pass the preflight the browser would send first.
 */
async function expectCrossOriginAllowed(requests: readonly RecordedRequest[], u: string, http: typeof fetch): Promise<void> {
  const origin = 'https://shop.example';
  const seen = new Set<string>();
  for (const request of requests.filter((r) => r.url.startsWith(u))) {
    expect(request.responseHeaders['access-control-allow-origin'], `${request.method} ${request.url}`).toBe('*');
    const preflight = preflightFor(request);
    const key = `${request.method} ${request.url}`;
    if (preflight === undefined || seen.has(key)) continue;
    seen.add(key);
    const answer = await http(request.url, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': preflight.method,
        ...(preflight.headers.length > 0 ? { 'Access-Control-Request-Headers': preflight.headers.join(',') } : {}),
      },
    });
    await answer.body?.cancel();
    expect(preflightAllows(preflight, answer.status, answer.headers, origin), `preflight for ${key}: ${answer.status} ${JSON.stringify(Object.fromEntries(answer.headers))}`).toBe(true);
  }
}

describe('Yivi web client (yivi-core 1.0.0 + yivi-client 1.0.1) against the node', () => {
  let node: TestNode;
  let wallet: Credential[];
  let recorder: FetchRecorder;
  let app: TestYiviApp;
  let requestorUrl: string;
  const running: WebClient[] = [];
  let removeEventSource: (() => void) | undefined;

  beforeAll(async () => {
    // The client refuses http pointers to anything but localhost, 127.0.0.1 or [::1]; the node listens on 127.0.0.1.
    const port = await freePort();
    node = await startTestNode({ NUTSHELL_PORT: String(port), NUTSHELL_PUBLIC_URL: `http://127.0.0.1:${port}` });
    requestorUrl = `${node.url}/irma/requestor`;
    const configuration = await loadTestConfiguration();
    wallet = [issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' })];
  }, 60_000);
  afterAll(async () => node?.close());
  beforeEach(() => {
    recorder = installFetchRecorder();
    app = new TestYiviApp(wallet, recorder.originalFetch);
  });
  afterEach(async () => {
    // A failed test must not leave a client polling into the next one.
    await Promise.all(running.splice(0).map((client) => client.core.abort().catch(() => undefined)));
    recorder.restore();
    removeEventSource?.();
    removeEventSource = undefined;
  });

  /** Starts a client and waits for its QR code: the pointer the app scans, the node's session package, the step names. */
  async function begin(options: WebClientOptions): Promise<{ client: WebClient; pointer: ReturnType<typeof sessionPointerOf>; pkg: SessionPackage; names: SequenceNames }> {
    const client = startWebClient(options);
    running.push(client);
    const pointer = sessionPointerOf(await client.plugin.reached('ShowingQRCode'));
    const pkg = sessionPackageOf(recorder.requests);
    return { client, pointer, pkg, names: { requestorUrl, u: pointer.u, token: pkg.token } };
  }

  /** The session result as the page's backend would fetch it, past the recorder. */
  async function sessionResult(token: string): Promise<Record<string, unknown>> {
    return (await (await recorder.originalFetch(`${requestorUrl}/session/${token}/result`)).json()) as Record<string, unknown>;
  }

  it('runs a disclosure with pairing: the app reads the code, the page enters it, start() resolves with the VALID result', async () => {
    const keys = keyboard();
    // A pinned attribute value makes the node hint pairing, as irmago does.
    const request = { '@context': DISCLOSURE, disclose: [[[{ type: OVER18, value: 'yes' }]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request, enterCode: keys.enterCode, state: POLLING });
    expect(pkg.frontendRequest).toEqual({ authorization: expect.stringMatching(/^[A-Za-z0-9]{20}$/), pairingHint: true, minProtocolVersion: '1.0', maxProtocolVersion: '1.1' });
    expect(pointer).toEqual({ ...pkg.sessionPtr, continueOnSecondDevice: true });
    expect(pointer.u).toMatch(new RegExp(`^${node.url}/irma/session/[A-Za-z0-9]{20}$`));

    const first = await app.connect(pointer.u);
    expect(first.options).toEqual({ '@context': 'https://irma.app/ld/options/v1', pairingMethod: 'pin', pairingCode: expect.stringMatching(/^\d{4}$/) });
    expect(first.request).toBeUndefined();
    await app.waitForStatus(pointer.u, 'PAIRING');
    const asked = await client.plugin.reached('EnterPairingCode');
    // The page got the same code from /frontend/options; it only compares, the node never sees what is typed.
    expect(asked.payload).toMatchObject({ pairingCode: first.options.pairingCode });
    keys.type(first.options.pairingCode!);

    await app.waitForStatus(pointer.u, 'CONNECTED');
    const wire = await app.pairedRequest(pointer.u);
    expect(wire).toMatchObject({ '@context': DISCLOSURE, disclose: [[[{ type: OVER18, value: 'yes' }]]] });
    const posted = await app.respond(pointer.u, wire);
    expect(posted).toEqual({ status: 200, body: '{"proofStatus":"VALID"}' });

    const outcome = await client.outcome;
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.result).toMatchObject({
      token: pkg.token,
      status: 'DONE',
      type: 'disclosing',
      proofStatus: 'VALID',
      disclosed: [[{ id: OVER18, rawvalue: 'yes', status: 'PRESENT' }]],
    });

    expect(collapsedSteps(recorder.requests, names)).toEqual(pairedSteps('polling'));
    expect(JSON.parse(recorder.requests[1]!.body!)).toEqual({ '@context': FRONTEND_OPTIONS, pairingMethod: 'pin' });
    const statuses = polledStatuses(recorder.requests, `${pointer.u}/frontend/status`);
    expect(statuses[0]).toBe('INITIALIZED');
    expect(statuses.at(-1)).toBe('DONE');
    expect(statuses).toContain('PAIRING');
    expectConformingRequests(recorder.requests, names, pkg);
    await expectCrossOriginAllowed(recorder.requests, pointer.u, recorder.originalFetch);
    expect(client.plugin.events.map((event) => event.transition)).toEqual(
      expect.arrayContaining(['appPairing', 'codeEntered', 'appConnected', 'prepareResult', 'succeed']),
    );
  });

  it('runs a disclosure without pairing (client defaults, 500 ms polling): no options call, the app gets the request at once', async () => {
    const request = { '@context': DISCLOSURE, disclose: [[[OVER18]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request });
    expect(pkg.frontendRequest.pairingHint).toBeUndefined();

    const first = await app.connect(pointer.u);
    expect(first.options).toEqual({ '@context': 'https://irma.app/ld/options/v1', pairingMethod: 'none' });
    expect(first.request).toMatchObject({ '@context': DISCLOSURE, protocolVersion: '2.8' });
    expect(await app.respond(pointer.u, first.request!)).toEqual({ status: 200, body: '{"proofStatus":"VALID"}' });

    const outcome = await client.outcome;
    expect(outcome.ok && outcome.result).toMatchObject({ status: 'DONE', proofStatus: 'VALID', disclosed: [[{ id: OVER18, rawvalue: 'yes' }]] });
    // yivi-client only posts options when pairing changes from its initial "off", so none are sent here.
    expect(collapsedSteps(recorder.requests, names)).toEqual(['POST {requestor}/session', 'GET {u}/frontend/status', 'GET {requestor}/session/{token}/result']);
    expectConformingRequests(recorder.requests, names, pkg);
    expect(client.plugin.events.some((event) => event.newState === 'EnterPairingCode')).toBe(false);
  });

  it('runs a signature session with pairing; a mistyped code is rejected by the page without a request', async () => {
    const keys = keyboard();
    const message = 'I sign the login contract';
    const request = { '@context': SIGNATURE, message, disclose: [[[OVER18]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request, enterCode: keys.enterCode, state: POLLING });
    expect(pointer.irmaqr).toBe('signing');
    expect(pkg.frontendRequest.pairingHint).toBe(true);

    const first = await app.connect(pointer.u);
    const code = first.options.pairingCode!;
    await client.plugin.reached('EnterPairingCode');
    const wrong = String((Number(code) + 1) % 10_000).padStart(4, '0');
    keys.type(wrong);
    const rejected = await client.plugin.reached('EnterPairingCode', 2);
    expect(rejected.transition).toBe('pairingRejected');
    expect(recorder.requests.some((r) => r.url.endsWith('/pairingcompleted'))).toBe(false);
    keys.type(code);

    await app.waitForStatus(pointer.u, 'CONNECTED');
    const wire = await app.pairedRequest(pointer.u);
    expect(wire).toMatchObject({ '@context': SIGNATURE, message });
    expect(await app.respond(pointer.u, wire)).toEqual({ status: 200, body: '{"proofStatus":"VALID"}' });

    const outcome = await client.outcome;
    expect(outcome.ok && outcome.result).toMatchObject({
      status: 'DONE',
      type: 'signing',
      proofStatus: 'VALID',
      disclosed: [[{ id: OVER18, rawvalue: 'yes' }]],
      signature: { message },
    });
    expect(collapsedSteps(recorder.requests, names)).toEqual(pairedSteps('polling'));
    expectConformingRequests(recorder.requests, names, pkg);
  });

  it('ends the flow when the app declines: CANCELLED waits for abort() (restart allowed), no DELETE or result call by the page', async () => {
    const request = { '@context': DISCLOSURE, disclose: [[[OVER18]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request, state: POLLING });
    await app.connect(pointer.u);
    await client.plugin.reached('ContinueOn2ndDevice');
    expect(await app.decline(pointer.u)).toEqual({ status: 200, body: '' });

    const cancelled = await client.plugin.reached('Cancelled');
    // With `start` configured the client may restart, so Cancelled is not final (ecosystem.md §D.3).
    expect(cancelled.isFinal).toBe(false);
    await client.core.abort();
    expect(await client.outcome).toEqual({ ok: false, reason: 'Aborted' });

    const result = await sessionResult(pkg.token);
    expect(result).toEqual({ token: pkg.token, status: 'CANCELLED', type: 'disclosing' });
    expect(collapsedSteps(recorder.requests, names)).toEqual(['POST {requestor}/session', 'GET {u}/frontend/status']);
    expect(polledStatuses(recorder.requests, `${pointer.u}/frontend/status`).at(-1)).toBe('CANCELLED');
    expectConformingRequests(recorder.requests, names, pkg);
  });

  it('aborts from the page during pairing: DELETE {u} without Authorization, the app sees CANCELLED', async () => {
    const request = { '@context': SIGNATURE, message: 'never signed', disclose: [[[OVER18]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request, state: POLLING });
    await app.connect(pointer.u);
    await client.plugin.reached('EnterPairingCode');

    await client.core.abort();
    expect(await client.outcome).toEqual({ ok: false, reason: 'Aborted' });
    await app.waitForStatus(pointer.u, 'CANCELLED');
    // The page fires the DELETE without waiting for it; its answer may come after start() settled.
    await vi.waitFor(() => expect(recorder.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 200 }));

    expect(collapsedSteps(recorder.requests, names)).toEqual(['POST {requestor}/session', 'POST {u}/frontend/options', 'GET {u}/frontend/status', 'DELETE {u}']);
    expect(recorder.requests.at(-1)!.headers).not.toHaveProperty('authorization');
    expectConformingRequests(recorder.requests, names, pkg);
    await expectCrossOriginAllowed(recorder.requests, pointer.u, recorder.originalFetch);
    const result = await sessionResult(pkg.token);
    expect(result).toMatchObject({ status: 'CANCELLED', type: 'signing' });
  });

  it('takes the legacy path when the start response has no frontendRequest: unauthenticated {u}/status polling', async () => {
    const request = { '@context': DISCLOSURE, disclose: [[[OVER18]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request, state: POLLING, mapping: { frontendRequest: () => undefined } });
    const first = await app.connect(pointer.u);
    expect(await app.respond(pointer.u, first.request!)).toEqual({ status: 200, body: '{"proofStatus":"VALID"}' });

    const outcome = await client.outcome;
    expect(outcome.ok && outcome.result).toMatchObject({ status: 'DONE', proofStatus: 'VALID' });
    expect(collapsedSteps(recorder.requests, names)).toEqual(['POST {requestor}/session', 'GET {u}/status', 'GET {requestor}/session/{token}/result']);
    // The legacy status endpoint answers a bare JSON string, which the client accepts.
    expect(JSON.parse(recorder.requests.at(-2)!.responseBody)).toBe('DONE');
    expectConformingRequests(recorder.requests, names, pkg);
  });

  it('refuses a page with the wrong frontend token: polls get 403, the client errs and its DELETE still cancels', async () => {
    const request = { '@context': DISCLOSURE, disclose: [[[OVER18]]] };
    const wrong = 'WrongFrontendToken00';
    const { client, pointer, pkg, names } = await begin({
      url: requestorUrl,
      request,
      state: POLLING,
      mapping: { frontendRequest: (response) => ({ ...(response as SessionPackage).frontendRequest, authorization: wrong }) },
    });
    const failed = await client.plugin.reached('Error');
    expect(failed.transition).toBe('fail');
    await vi.waitFor(() => expect(recorder.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 200 }));
    await client.core.abort();
    expect(await client.outcome).toEqual({ ok: false, reason: 'Aborted' });

    expect(collapsedSteps(recorder.requests, names)).toEqual(['POST {requestor}/session', 'GET {u}/frontend/status', 'DELETE {u}']);
    const polls = recorder.requests.filter((r) => r.url === `${pointer.u}/frontend/status`);
    // One poll and the one retry yivi-client makes before giving up.
    expect(polls).toHaveLength(2);
    for (const poll of polls) {
      expect(poll.headers['authorization']).toBe(wrong);
      expect(poll.status).toBe(403);
      expect(JSON.parse(poll.responseBody)).toMatchObject({ status: 403, error: 'UNAUTHORIZED' });
    }
    // DELETE needs no frontend token (irmago's too), so the page's clean-up cancels the session.
    const result = await sessionResult(pkg.token);
    expect(result).toMatchObject({ status: 'CANCELLED' });
  });

  it('follows the session over SSE when the EventSource sends Authorization (yivi-frontend bundle style), with pairing', async () => {
    removeEventSource = installEventSource(fetchEventSource(true));
    const keys = keyboard();
    const request = { '@context': DISCLOSURE, disclose: [[[{ type: OVER18, value: 'yes' }]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request, enterCode: keys.enterCode });

    const first = await app.connect(pointer.u);
    await client.plugin.reached('EnterPairingCode');
    keys.type(first.options.pairingCode!);
    await app.waitForStatus(pointer.u, 'CONNECTED');
    expect(await app.respond(pointer.u, await app.pairedRequest(pointer.u))).toEqual({ status: 200, body: '{"proofStatus":"VALID"}' });

    const outcome = await client.outcome;
    expect(outcome.ok && outcome.result).toMatchObject({ status: 'DONE', proofStatus: 'VALID', disclosed: [[{ id: OVER18, rawvalue: 'yes' }]] });
    // Every status change came as an event: no polling at all.
    expect(collapsedSteps(recorder.requests, names)).toEqual(pairedSteps('SSE'));
    const subscription = recorder.requests.find((r) => r.url.endsWith('/frontend/statusevents'))!;
    expect(subscription).toMatchObject({ status: 200, headers: { authorization: pkg.frontendRequest.authorization } });
    expectConformingRequests(recorder.requests, names, pkg);
    await expectCrossOriginAllowed(recorder.requests, pointer.u, recorder.originalFetch);
  });

  it('falls back to polling when the EventSource drops the Authorization header (native browser EventSource)', async () => {
    removeEventSource = installEventSource(fetchEventSource(false));
    const request = { '@context': DISCLOSURE, disclose: [[[OVER18]]] };
    const { client, pointer, pkg, names } = await begin({ url: requestorUrl, request, state: POLLING });
    const first = await app.connect(pointer.u);
    expect(await app.respond(pointer.u, first.request!)).toEqual({ status: 200, body: '{"proofStatus":"VALID"}' });

    const outcome = await client.outcome;
    expect(outcome.ok && outcome.result).toMatchObject({ status: 'DONE', proofStatus: 'VALID' });
    expect(collapsedSteps(recorder.requests, names)).toEqual([
      'POST {requestor}/session',
      'GET {u}/frontend/statusevents',
      'GET {u}/frontend/status',
      'GET {requestor}/session/{token}/result',
    ]);
    const subscription = recorder.requests[1]!;
    expect(subscription.headers).not.toHaveProperty('authorization');
    // The frontend group is guarded as in irmago: no token, no stream.
    expect(subscription.status).toBe(403);
    expect(JSON.parse(subscription.responseBody)).toMatchObject({ status: 403, error: 'UNAUTHORIZED' });
    expectConformingRequests(recorder.requests, names, pkg);
  });
});

describe('Yivi web client on one node, the app on another, sessions in one Redis', () => {
  const redisUrl = process.env['NUTSHELL_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = `nutshell-test:yivi:${randomBytes(6).toString('hex')}:`;
  let page: TestNode;
  let phone: TestNode;
  let recorder: FetchRecorder;
  let removeEventSource: (() => void) | undefined;
  let client: WebClient | undefined;

  async function startRedisNode(): Promise<TestNode> {
    const port = await freePort();
    return startTestNode({
      NUTSHELL_PORT: String(port),
      NUTSHELL_PUBLIC_URL: `http://127.0.0.1:${port}`,
      NUTSHELL_SESSION_STORE: 'redis',
      NUTSHELL_REDIS_URL: redisUrl,
      NUTSHELL_REDIS_PREFIX: prefix,
    });
  }

  let wallet: Credential[];

  // Starting nodes (schemes, keys, Nest) takes seconds each; on a loaded machine more than the default hook timeout.
  beforeAll(async () => {
    [page, phone] = await Promise.all([startRedisNode(), startRedisNode()]);
    const configuration = await loadTestConfiguration();
    wallet = [issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' })];
  }, 90_000);
  afterAll(async () => {
    await Promise.all([page?.close(), phone?.close()]);
    const admin = new Redis(redisUrl);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });
  beforeEach(() => {
    recorder = installFetchRecorder();
  });
  afterEach(async () => {
    await client?.core.abort().catch(() => undefined);
    client = undefined;
    recorder.restore();
    removeEventSource?.();
    removeEventSource = undefined;
  });

  for (const transport of ['polling', 'SSE'] as const) {
    it(`completes a paired signature session whose status changes reach the page by ${transport}`, async () => {
      if (transport === 'SSE') removeEventSource = installEventSource(fetchEventSource(true));
      const app = new TestYiviApp(wallet, recorder.originalFetch);
      const keys = keyboard();
      const message = `signed across nodes (${transport})`;
      const requestorUrl = `${page.url}/irma/requestor`;
      client = startWebClient({ url: requestorUrl, request: { '@context': SIGNATURE, message, disclose: [[[OVER18]]] }, enterCode: keys.enterCode, state: POLLING });
      const pointer = sessionPointerOf(await client.plugin.reached('ShowingQRCode'));
      const pkg = sessionPackageOf(recorder.requests);
      // A load balancer sends the phone elsewhere: same session pointer path, other node.
      const onPhone = pointer.u.replace(page.url, phone.url);
      expect(onPhone).not.toBe(pointer.u);

      const first = await app.connect(onPhone);
      await client.plugin.reached('EnterPairingCode');
      keys.type(first.options.pairingCode!);
      await app.waitForStatus(onPhone, 'CONNECTED');
      expect(await app.respond(onPhone, await app.pairedRequest(onPhone))).toEqual({ status: 200, body: '{"proofStatus":"VALID"}' });

      const outcome = await client.outcome;
      expect(outcome.ok && outcome.result).toMatchObject({ status: 'DONE', type: 'signing', proofStatus: 'VALID', signature: { message } });
      const names = { requestorUrl, u: pointer.u, token: pkg.token };
      expect(collapsedSteps(recorder.requests, names)).toEqual(pairedSteps(transport));
      expectConformingRequests(recorder.requests, names, pkg);
    });
  }
});

