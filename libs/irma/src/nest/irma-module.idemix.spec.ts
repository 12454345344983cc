import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySessionStore } from '#store';
import { parseSessionRequest, type DisclosureRequest, type SignatureRequest } from '../request/index.js';
import { IrmaSessionEngine, type StoredSession } from '../session/index.js';
import { createDisclosure, createSignedMessage, issueCredential, type Credential } from '../testing/prover.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { IdemixProofVerifier } from '../verify/index.js';
import { IrmaModule } from './irma.module.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';
const appHeaders = { 'X-IRMA-MinProtocolVersion': '2.4', 'X-IRMA-MaxProtocolVersion': '2.9', Authorization: 'AppAuthorization0123' };

/**
 * The engine with the real Idemix verifier over HTTP: the test prover plays the Yivi app, holding
 * an irma-demo credential issued with the scheme's published demo key.
 */
describe('IrmaModule with IdemixProofVerifier (real proofs over HTTP)', () => {
  let configuration: TestConfiguration;
  let wallet: Credential[];
  let app: NestFastifyApplication;
  let base: string;
  let engine: IrmaSessionEngine;
  let store: MemorySessionStore<StoredSession>;

  beforeAll(async () => {
    configuration = await loadTestConfiguration();
    wallet = [issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' })];
    store = new MemorySessionStore<StoredSession>({ sweepIntervalMs: 0 });
    const verifier = new IdemixProofVerifier({ configuration });
    const scheme = {
      isKnown: (id: string): boolean => {
        const type = configuration.credentialType(id.split('.').slice(0, 3).join('.'));
        return type !== undefined && (id.split('.').length === 3 || type.attributes.some((attribute) => attribute.id === id));
      },
      isSingleton: (credentialTypeId: string): boolean => configuration.credentialType(credentialTypeId)?.singleton === true,
    };
    // The pointer URL is only used by the client; the real port is filled in by replacing it below.
    engine = new IrmaSessionEngine({ store, verifier, urlPrefix: 'http://127.0.0.1/irma', scheme, sweepIntervalMs: 0 });
    const moduleRef = await Test.createTestingModule({ imports: [IrmaModule.forRoot({ engine })] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await engine.close();
    await store.close();
  });

  async function connect(request: unknown): Promise<{ u: string; token: string; wire: Record<string, unknown> }> {
    const started = await fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    expect(started.status).toBe(200);
    const pkg = (await started.json()) as { sessionPtr: { u: string }; token: string };
    const u = pkg.sessionPtr.u.replace('http://127.0.0.1/irma', `${base}/irma`);
    const first = (await (await fetch(`${u}/`, { headers: appHeaders })).json()) as { request: Record<string, unknown> };
    return { u, token: pkg.token, wire: first.request };
  }

  async function post(u: string, body: unknown): Promise<Response> {
    return fetch(`${u}/proofs`, { method: 'POST', headers: { ...appHeaders, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  it('accepts a real disclosure made for the session nonce and reports the attribute', async () => {
    const { u, token, wire } = await connect({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[[OVER18]]] });
    // The app sees exactly what the engine serialised; the prover answers that request.
    const request = parseSessionRequest(wire) as DisclosureRequest;
    const response = await post(u, createDisclosure(wallet, request));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ proofStatus: 'VALID' });
    const result = (await (await fetch(`${base}/session/${token}/result`)).json()) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'DONE', proofStatus: 'VALID', disclosed: [[{ id: OVER18, rawvalue: 'yes', status: 'PRESENT' }]] });
  });

  it('reports INVALID for a proof made for another nonce, and still ends the session in DONE', async () => {
    const { u, token, wire } = await connect({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[[OVER18]]] });
    const request = parseSessionRequest(wire) as DisclosureRequest;
    const response = await post(u, createDisclosure(wallet, { ...request, nonce: request.nonce + 1n }));
    expect(await response.json()).toEqual({ proofStatus: 'INVALID' });
    expect(await (await fetch(`${base}/session/${token}/status`)).text()).toBe('"DONE"');
  });

  it('accepts a real attribute-based signature and keeps the signed message in the result', async () => {
    const message = 'I agree to nothing in particular';
    const { u, token, wire } = await connect({ '@context': 'https://irma.app/ld/request/signature/v2', message, disclose: [[[OVER18]]] });
    const request = parseSessionRequest(wire) as SignatureRequest;
    const signed = createSignedMessage(wallet, request);
    const response = await post(u, signed);
    expect(await response.json()).toEqual({ proofStatus: 'VALID' });
    const result = (await (await fetch(`${base}/session/${token}/result`)).json()) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'DONE', type: 'signing', proofStatus: 'VALID', signature: { message } });
  });

  it('refuses requests for attributes the scheme does not know', async () => {
    const response = await fetch(`${base}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[['irma-demo.MijnOverheid.ageLower.over99']]] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'MALFORMED_VERIFIER_REQUEST', message: expect.stringContaining('over99') });
  });
});
