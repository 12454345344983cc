import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySessionStore } from '#store';
import { decodeBigB64 } from '../idemix/bigint.js';
import { IrmaSessionEngine } from '../session/engine.js';
import type { StoredSession } from '../session/stored-session.js';
import { createDisclosure, createSignedMessage, issueCredential, type Credential } from '../testing/prover.js';
import { createTestAtumKey, type TestAtumKey } from '../testing/test-atum.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { IdemixProofVerifier } from './idemix-proof-verifier.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';
const app = { minProtocolVersion: '2.4', maxProtocolVersion: '2.8', authorization: 'AppAuthorization0123' };

describe('IdemixProofVerifier inside the IRMA session engine', () => {
  let configuration: TestConfiguration;
  let ageLower: Credential;
  let atum: TestAtumKey;
  let store: MemorySessionStore<StoredSession>;
  let engine: IrmaSessionEngine;

  beforeAll(async () => {
    configuration = await loadTestConfiguration();
    ageLower = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' });
    atum = createTestAtumKey();
    store = new MemorySessionStore<StoredSession>({ sweepIntervalMs: 0 });
    const verifier = new IdemixProofVerifier({ configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    engine = new IrmaSessionEngine({ store, verifier, urlPrefix: 'http://localhost/irma/', sweepIntervalMs: 0 });
  });
  afterAll(async () => {
    await engine.close();
    await store.close();
  });

  async function connect(request: unknown): Promise<{ token: string; ct: string; wire: Record<string, unknown> }> {
    const pkg = await engine.startSession(request);
    const ct = pkg.sessionPtr.u.slice(pkg.sessionPtr.u.lastIndexOf('/') + 1);
    const first = (await engine.getClientRequest(ct, app)) as { request: Record<string, unknown> };
    return { token: pkg.token, ct, wire: first.request };
  }

  it('completes a disclosure session with a real proof as VALID', async () => {
    const { token, ct, wire } = await connect({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[[OVER18]]] });
    const body = createDisclosure([ageLower], {
      disclose: [[[{ type: OVER18 }]]],
      nonce: decodeBigB64(wire['nonce'] as string),
      context: decodeBigB64(wire['context'] as string),
    });
    expect(await engine.postProofs(ct, app, body)).toEqual({ proofStatus: 'VALID' });
    expect(await engine.result(token)).toMatchObject({
      status: 'DONE',
      proofStatus: 'VALID',
      disclosed: [[{ id: OVER18, rawvalue: 'yes', status: 'PRESENT' }]],
    });
  });

  it('ends a session answered with another session nonce as DONE/INVALID', async () => {
    const { token, ct } = await connect({ '@context': 'https://irma.app/ld/request/disclosure/v2', disclose: [[[OVER18]]] });
    const body = createDisclosure([ageLower], { disclose: [[[{ type: OVER18 }]]], nonce: 1n });
    expect(await engine.postProofs(ct, app, body)).toEqual({ proofStatus: 'INVALID' });
    expect(await engine.result(token)).toMatchObject({ status: 'DONE', proofStatus: 'INVALID' });
  });

  it('completes a signature session with a timestamped signed message and keeps it in the result', async () => {
    const message = 'Ik ga akkoord';
    const { token, ct, wire } = await connect({ '@context': 'https://irma.app/ld/request/signature/v2', message, disclose: [[[OVER18]]] });
    const signedMessage = createSignedMessage(
      [ageLower],
      { disclose: [[[{ type: OVER18 }]]], message, nonce: decodeBigB64(wire['nonce'] as string), context: decodeBigB64(wire['context'] as string) },
      { atumKey: atum },
    );
    expect(await engine.postProofs(ct, app, signedMessage)).toEqual({ proofStatus: 'VALID' });
    const result = (await engine.result(token)) as { proofStatus: string; signature: unknown };
    expect(result.proofStatus).toBe('VALID');
    expect(result.signature).toEqual(signedMessage);
  });
});
