import { beforeAll, describe, expect, it } from 'vitest';
import { randomBigInt } from '../idemix/bigint.js';
import { modPow } from '../idemix/modexp.js';
import { verifyProofList } from '../idemix/proof-list.js';
import type { DisclosureRequest } from '../request/types.js';
import { createDisclosure, createProofList, issueCredential, type Credential } from '../testing/prover.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { signAccumulator } from '../testing/test-revocation.js';
import { verifyDisclosure } from '../verify/verify-disclosure.js';
import { NONREV_ALPHA_BOUND, nonrevContributions } from './contributions.js';
import { verifySignedAccumulator } from './signed-accumulator.js';
import { verifyRevocableProofList } from './verify-proof-list.js';

const ROOT = 'irma-demo.MijnOverheid.root';
const BSN = `${ROOT}.BSN`;

type Body = { proofs: Record<string, Record<string, unknown>>[]; indices: unknown };

function request(extra: Partial<DisclosureRequest> = {}): DisclosureRequest {
  return { type: 'disclosing', context: 1n, nonce: randomBigInt(128), disclose: [[[{ type: BSN }]]], ...extra };
}

describe('signed accumulators', () => {
  let configuration: TestConfiguration;
  beforeAll(async () => {
    configuration = await loadTestConfiguration();
  });

  it('round-trips through the demo ECDSA key and rejects another key or flipped bytes', () => {
    const sk = configuration.privateKey('irma-demo.MijnOverheid', 2)!;
    const pk = configuration.publicKey('irma-demo.MijnOverheid', 2)!;
    const sacc = signAccumulator(sk, { nu: 123456789n, index: 7, time: 1_700_000_000 });
    const accumulator = verifySignedAccumulator(sacc, pk.ecdsa!);
    expect(accumulator).toMatchObject({ nu: 123456789n, index: 7n, time: 1_700_000_000 });
    const flipped = new Uint8Array(sacc.data);
    flipped[12] = flipped[12]! ^ 1;
    expect(verifySignedAccumulator({ ...sacc, data: flipped }, pk.ecdsa!)).toBeUndefined();
    const otherKey = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEWVYqncxb8T7Dgsp4EiWn0/mQBWbNRPQeklZLnehXoDXn4pHHFrSfR0MCiT+3JSawYYIrq3U6evRpfisXN0SdBg==';
    expect(verifySignedAccumulator(sacc, otherKey)).toBeUndefined();
    expect(verifySignedAccumulator({ ...sacc, data: new Uint8Array([0xff, 0x00]) }, pk.ecdsa!)).toBeUndefined();
  });

  it('computes contributions that equal the prover commitments for honest responses', () => {
    // A tiny group where the relations can be followed by hand: u^e = nu (mod n).
    const n = 3233n; // 61 · 53
    const G = 4n;
    const H = 9n;
    const u = 5n;
    const e = 7n;
    const nu = modPow(u, e, n);
    const r2 = 11n;
    const r3 = 13n;
    const cr = (modPow(G, r2, n) * modPow(H, r3, n)) % n;
    const cu = (u * modPow(H, r2, n)) % n;
    const tilde = { alpha: 17n, beta: 19n, delta: 23n, epsilon: 29n, zeta: 31n };
    const c = 3n;
    const responses = {
      beta: tilde.beta + c * e * r2,
      delta: tilde.delta + c * e * r3,
      epsilon: tilde.epsilon + c * r2,
      zeta: tilde.zeta + c * r3,
    };
    const contributions = nonrevContributions({ n, G, H, cr, cu, nu, challenge: c, alpha: tilde.alpha + c * e, responses });
    expect(contributions.slice(0, 3)).toEqual([cr, cu, nu]);
    expect(contributions[3]).toBe((modPow(G, tilde.epsilon, n) * modPow(H, tilde.zeta, n)) % n);
    expect(contributions[4]).toBe((modPow(cu, tilde.alpha, n) * modPow(H, -tilde.beta, n)) % n);
    expect(contributions[5]).toBe((((modPow(cr, tilde.alpha, n) * modPow(G, -tilde.beta, n)) % n) * modPow(H, -tilde.delta, n)) % n);
    expect(NONREV_ALPHA_BOUND).toBe(2n ** 580n);
  });
});

describe('disclosures with nonrevocation proofs (irma-demo.MijnOverheid.root, key 2)', () => {
  let configuration: TestConfiguration;
  let root: Credential;
  beforeAll(async () => {
    configuration = await loadTestConfiguration();
    root = issueCredential(configuration, ROOT, { BSN: '999999990' });
  });

  it('issues a witness that satisfies u^e = Nu', () => {
    const witness = root.witness!;
    expect(modPow(witness.u, witness.e, root.publicKey.n)).toBe(witness.nu);
    expect(root.attributes[3]).toBe(witness.e);
  });

  it('accepts a requested nonrevocation proof and marks the attribute notrevoked', async () => {
    const req = request({ revocation: { [ROOT]: {} } });
    const body = createDisclosure([root], req);
    expect(body.proofs[0]).toHaveProperty('nonrev_proof');
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result.proofStatus).toBe('VALID');
    expect(result.disclosed[0]).toEqual([expect.objectContaining({ id: BSN, rawvalue: '999999990', notrevoked: true })]);
    expect(result.disclosed[0]![0]).not.toHaveProperty('notrevokedbefore');
  });

  it('reports INVALID when revocation was requested but no proof was sent', async () => {
    const req = request({ revocation: { [ROOT]: {} } });
    const body = createDisclosure([root], { ...req, revocation: {} });
    expect(body.proofs[0]).not.toHaveProperty('nonrev_proof');
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result).toMatchObject({ proofStatus: 'INVALID', failure: 'nonrevocation-missing' });
    const unrequested = await verifyDisclosure({ body, request: { ...req, revocation: {} }, configuration });
    expect(unrequested.proofStatus).toBe('VALID');
  });

  it('reports INVALID for a changed nonrevocation response or accumulator', async () => {
    const req = request({ revocation: { [ROOT]: {} } });
    const honest = JSON.stringify(createDisclosure([root], req));
    const changedResponse = JSON.parse(honest) as Body;
    const responses = changedResponse.proofs[0]!['nonrev_proof']!['responses'] as Record<string, string>;
    responses['zeta'] = Buffer.from('zeta').toString('base64');
    const otherAccumulator = JSON.parse(honest) as Body;
    const sk = configuration.privateKey('irma-demo.MijnOverheid', 2)!;
    const sacc = signAccumulator(sk, { nu: root.witness!.nu * 4n, index: 0, time: Math.floor(Date.now() / 1000) });
    otherAccumulator.proofs[0]!['nonrev_proof']!['sacc'] = { data: Buffer.from(sacc.data).toString('base64'), pk: 2 };
    for (const body of [changedResponse, otherAccumulator]) {
      expect((await verifyDisclosure({ body, request: req, configuration })).proofStatus).toBe('INVALID');
    }
  });

  it('sets notrevokedbefore when the accumulator is older than the tolerance', async () => {
    const accumulatorTime = Math.floor(Date.now() / 1000) - 3600;
    const old = issueCredential(configuration, ROOT, { BSN: '123' }, { accumulatorTime });
    const req = request({ revocation: { [ROOT]: {} } });
    const result = await verifyDisclosure({ body: createDisclosure([old], req), request: req, configuration });
    expect(result.proofStatus).toBe('VALID');
    expect(result.disclosed[0]![0]).toMatchObject({ notrevoked: true, notrevokedbefore: accumulatorTime });
    const tolerant = { ...req, revocation: { [ROOT]: { tolerance: 7200 } } };
    const relaxed = await verifyDisclosure({ body: createDisclosure([old], tolerant), request: tolerant, configuration });
    expect(relaxed.disclosed[0]![0]).not.toHaveProperty('notrevokedbefore');
  });

  it('verifyRevocableProofList hashes each nonrevocation proof into the list challenge and returns its accumulator by position', () => {
    const ageLower = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' });
    const nonce = randomBigInt(128);
    const proofs = createProofList(
      [{ credential: ageLower, disclose: [4] }, { credential: root, disclose: [2], nonrev: true }],
      { context: 1n, nonce, issig: false },
    );
    const keys = [ageLower.publicKey, root.publicKey];
    const list = { proofs, keys, revocationIndices: [undefined, root.credentialType.revocationIndex], context: 1n, nonce, issig: false };
    const verdict = verifyRevocableProofList(list);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect([...verdict.accumulators.keys()]).toEqual([1]);
    expect(verdict.accumulators.get(1)!.nu).toBe(root.witness!.nu);

    // The idemix verifier alone refuses the proof; its hook sees the proof's position and the list challenge.
    expect(verifyProofList(proofs, keys, 1n, nonce, false)).toBe(false);
    const seen: [number, bigint][] = [];
    const refused = verifyProofList(proofs, keys, 1n, nonce, false, undefined, {
      nonrev: (_proof, position, c) => {
        seen.push([position, c]);
        return undefined;
      },
    });
    expect(refused).toBe(false);
    expect(seen).toEqual([[1, proofs[0]!.c]]);
    // The hook's contributions are part of the challenge: leaving them out fails.
    expect(verifyProofList(proofs, keys, 1n, nonce, false, undefined, { nonrev: () => [] })).toBe(false);

    expect(verifyRevocableProofList({ ...list, revocationIndices: undefined })).toEqual({ ok: false, failure: 'nonrevocation-invalid' });
    expect(verifyRevocableProofList({ ...list, nonce: nonce + 1n })).toEqual({ ok: false, failure: 'proof-list-invalid' });
    expect(verifyRevocableProofList({ ...list, keyshareGroups: ['.', '.', '.'] })).toEqual({ ok: false, failure: 'proof-list-invalid' });
  });
});
