import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomBigInt } from '../idemix/bigint.js';
import { ProofVerifierPool } from '../idemix/pool/proof-verifier-pool.js';
import { buildProofVerifierWorker } from '../idemix/testing/build-worker.js';
import type { DisclosureRequest, SignatureRequest } from '../request/types.js';
import type { SessionResultProof } from '../session/proof-verifier.js';
import { createDisclosure, createSignedMessage, issueCredential, type Credential } from '../testing/prover.js';
import { createTestAtumKey, type TestAtumKey } from '../testing/test-atum.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { signAccumulator } from '../testing/test-revocation.js';
import { IdemixProofVerifier } from './idemix-proof-verifier.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';
const ROOT = 'irma-demo.MijnOverheid.root';
const BSN = `${ROOT}.BSN`;

type Json = Record<string, unknown>;
type Body = { proofs: Json[]; indices: unknown };

function disclosureRequest(disclose: DisclosureRequest['disclose'], revocation?: DisclosureRequest['revocation']): DisclosureRequest {
  return { type: 'disclosing', context: 1n, nonce: randomBigInt(128), disclose, ...(revocation ? { revocation } : {}) };
}

function signatureRequest(message: string): SignatureRequest {
  return { type: 'signing', context: 1n, nonce: randomBigInt(128), message, disclose: [[[{ type: OVER18 }]]] };
}

function changed<T>(value: T, edit: (copy: T) => void): T {
  const copy = JSON.parse(JSON.stringify(value)) as T;
  edit(copy);
  return copy;
}

/** A response of the first proof, one bit flipped (as base64 of the big integer). */
function flipResponse(proof: Json, field: 'e_response' | 'v_response'): void {
  const bytes = Buffer.from(String(proof[field]), 'base64');
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
  proof[field] = bytes.toString('base64');
}

type Case =
  | { readonly name: string; readonly expected: string; readonly kind: 'disclosure'; readonly request: DisclosureRequest; readonly body: unknown }
  | { readonly name: string; readonly expected: string; readonly kind: 'signature'; readonly request: SignatureRequest; readonly body: unknown };

describe('IdemixProofVerifier with a ProofVerifierPool', () => {
  let configuration: TestConfiguration;
  let ageLower: Credential;
  let root: Credential;
  let atum: TestAtumKey;
  let pool: ProofVerifierPool;
  let cases: Case[];

  beforeAll(async () => {
    buildProofVerifierWorker();
    pool = new ProofVerifierPool({ size: 2 });
    configuration = await loadTestConfiguration();
    ageLower = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' });
    root = issueCredential(configuration, ROOT, { BSN: '999999990' });
    atum = createTestAtumKey();

    const plain = disclosureRequest([[[{ type: OVER18 }]]]);
    const honest = createDisclosure([ageLower], plain);
    const revocable = disclosureRequest([[[{ type: OVER18 }]], [[{ type: BSN }]]], { [ROOT]: {} });
    const withNonrev = createDisclosure([ageLower, root], revocable);
    const sk = configuration.privateKey('irma-demo.MijnOverheid', root.publicKey.counter)!;
    const foreignAccumulator = signAccumulator(sk, { nu: root.witness!.nu * 4n, index: 0, time: Math.floor(Date.now() / 1000) });
    const signing = signatureRequest('Ik machtig Zorgverlener X');
    const signed = createSignedMessage([ageLower], signing, { atumKey: atum });

    cases = [
      { name: 'honest disclosure', expected: 'VALID', kind: 'disclosure', request: plain, body: honest },
      {
        name: 'changed e_response',
        expected: 'INVALID',
        kind: 'disclosure',
        request: plain,
        body: changed(honest, (b) => flipResponse((b as Body).proofs[0]!, 'e_response')),
      },
      { name: 'answer to another nonce', expected: 'INVALID', kind: 'disclosure', request: { ...plain, nonce: plain.nonce + 1n }, body: honest },
      {
        name: 'another attribute than requested',
        expected: 'MISSING_ATTRIBUTES',
        kind: 'disclosure',
        request: { ...plain, disclose: [[[{ type: 'irma-demo.MijnOverheid.ageLower.over21', value: 'yes' }]]] },
        body: honest,
      },
      { name: 'two credentials, one with a nonrevocation proof', expected: 'VALID', kind: 'disclosure', request: revocable, body: withNonrev },
      {
        name: 'changed nonrevocation response',
        expected: 'INVALID',
        kind: 'disclosure',
        request: revocable,
        body: changed(withNonrev, (b) => {
          const nonrev = (b as Body).proofs[1]!['nonrev_proof'] as { responses: Record<string, string> };
          nonrev.responses['zeta'] = Buffer.from('zeta').toString('base64');
        }),
      },
      {
        name: 'accumulator the witness is not in',
        expected: 'INVALID',
        kind: 'disclosure',
        request: revocable,
        body: changed(withNonrev, (b) => {
          const nonrev = (b as Body).proofs[1]!['nonrev_proof'] as Json;
          nonrev['sacc'] = { data: Buffer.from(foreignAccumulator.data).toString('base64'), pk: foreignAccumulator.pkCounter };
        }),
      },
      { name: 'timestamped signature', expected: 'VALID', kind: 'signature', request: signing, body: signed },
      { name: 'signature on another message', expected: 'UNMATCHED_REQUEST', kind: 'signature', request: { ...signing, message: 'Y' }, body: signed },
      {
        name: 'signature with a changed v_response',
        expected: 'INVALID',
        kind: 'signature',
        request: signing,
        body: changed(signed, (s) => flipResponse((s['signature'] as Json[])[0]!, 'v_response')),
      },
    ];
  }, 120_000);

  afterAll(async () => {
    await pool.close();
  });

  async function verify(verifier: IdemixProofVerifier, c: Case): Promise<SessionResultProof> {
    return c.kind === 'disclosure' ? verifier.verifyDisclosure(c.request, c.body) : verifier.verifySignature(c.request, c.body);
  }

  it('gives the same results as in-thread verification, nonrevocation proofs included, and uses the pool for them', async () => {
    const inThread = new IdemixProofVerifier({ configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    const pooled = new IdemixProofVerifier({ configuration, trustedTimestampKeys: [atum.publicKeyBase64], pool });
    const spy = vi.spyOn(pool, 'verifyList');
    try {
      for (const c of cases) {
        const without = await verify(inThread, c);
        const withPool = await verify(pooled, c);
        expect(without.proofStatus, c.name).toBe(c.expected);
        expect(withPool, c.name).toEqual(without);
      }
      // Every case but the unmatched signature reaches the cryptographic check.
      expect(spy).toHaveBeenCalledTimes(cases.length - 1);
    } finally {
      spy.mockRestore();
    }
    const nonrev = await verify(pooled, cases[4]!);
    expect(nonrev.disclosed[1]).toEqual([expect.objectContaining({ id: BSN, rawvalue: '999999990', notrevoked: true })]);
  });

  it('runs the same verdicts concurrently', async () => {
    const pooled = new IdemixProofVerifier({ configuration, trustedTimestampKeys: [atum.publicKeyBase64], pool });
    const results = await Promise.all(cases.map((c) => verify(pooled, c)));
    expect(results.map((r) => r.proofStatus)).toEqual(cases.map((c) => c.expected));
  });

  it('still throws the session errors before the pool is asked', async () => {
    const pooled = new IdemixProofVerifier({ configuration, pool });
    const plain = cases[0]! as Extract<Case, { kind: 'disclosure' }>;
    await expect(pooled.verifyDisclosure(plain.request, { proofs: 'nope' })).rejects.toMatchObject({ code: 'IRMA_MALFORMED_INPUT' });
  });
});
