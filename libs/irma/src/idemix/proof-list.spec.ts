import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeStringAttribute } from './attributes.js';
import { referenceEngine } from './exp-engine.js';
import { parsePrivateKeyXml } from './private-key.js';
import { parseProofList, type Proof, type ProofD } from './proof.js';
import { proofContributions, verifyProofList } from './proof-list.js';
import { parsePublicKeyXml, type IssuerPublicKey } from './public-key.js';
import { issueTestCredential, newSecret, proveCommitment, proveDisclosure, type TestCredential } from './testing/prover.js';
import { loadVectorFile, proofListCase } from './testing/vector-fixtures.js';

type Tamper = { name: string; proof: ProofD };

function withMap(p: ProofD, field: 'aResponses' | 'aDisclosed', f: (m: Map<number, bigint>) => void): ProofD {
  const m = new Map(p[field]);
  f(m);
  return { ...p, [field]: m };
}

/** Every single-field tamper of a valid ProofD that must make verification fail. */
function tampers(p: ProofD, pk: IssuerPublicKey): Tamper[] {
  const { LeCommit, LmCommit, LvCommit } = pk.params;
  const out: Tamper[] = [
    { name: 'c+1', proof: { ...p, c: p.c + 1n } },
    { name: 'c-1', proof: { ...p, c: p.c - 1n } },
    { name: 'c=0', proof: { ...p, c: 0n } },
    { name: 'A+1', proof: { ...p, A: p.A + 1n } },
    { name: 'A=1', proof: { ...p, A: 1n } },
    { name: 'A=0', proof: { ...p, A: 0n } },
    { name: 'A=n', proof: { ...p, A: pk.n } },
    { name: 'A+n', proof: { ...p, A: p.A + pk.n } },
    { name: 'e_response+1', proof: { ...p, eResponse: p.eResponse + 1n } },
    { name: 'e_response oversized', proof: { ...p, eResponse: p.eResponse + (1n << BigInt(LeCommit + 1)) } },
    { name: 'v_response+1', proof: { ...p, vResponse: p.vResponse + 1n } },
    { name: 'v_response oversized', proof: { ...p, vResponse: p.vResponse + (1n << BigInt(LvCommit + 200)) } },
    { name: 'nonrev_proof added', proof: { ...p, nonrevProof: {} } },
    { name: 'rangeproofs added', proof: { ...p, rangeProofs: {} } },
  ];
  for (const i of p.aResponses.keys()) {
    out.push({ name: `a_responses[${i}]+1`, proof: withMap(p, 'aResponses', (m) => m.set(i, m.get(i)! + 1n)) });
    out.push({ name: `a_responses[${i}] oversized`, proof: withMap(p, 'aResponses', (m) => m.set(i, m.get(i)! + (1n << BigInt(LmCommit + 1)))) });
    out.push({ name: `a_responses[${i}] removed`, proof: withMap(p, 'aResponses', (m) => m.delete(i)) });
    out.push({ name: `a_responses[${i}] also disclosed`, proof: withMap(p, 'aDisclosed', (m) => m.set(i, 1n)) });
  }
  for (const i of p.aDisclosed.keys()) {
    out.push({ name: `a_disclosed[${i}]+1`, proof: withMap(p, 'aDisclosed', (m) => m.set(i, m.get(i)! + 1n)) });
    out.push({ name: `a_disclosed[${i}] hashed-size`, proof: withMap(p, 'aDisclosed', (m) => m.set(i, m.get(i)! + (1n << 300n))) });
    out.push({ name: `a_disclosed[${i}] removed`, proof: withMap(p, 'aDisclosed', (m) => m.delete(i)) });
  }
  const unused = [...Array(pk.R.length).keys()].find((i) => !p.aResponses.has(i) && !p.aDisclosed.has(i));
  if (unused !== undefined) {
    out.push({ name: `extra a_disclosed[${unused}]`, proof: withMap(p, 'aDisclosed', (m) => m.set(unused, 12345n)) });
    out.push({ name: `extra a_responses[${unused}]`, proof: withMap(p, 'aResponses', (m) => m.set(unused, 12345n)) });
  }
  out.push({ name: 'a_disclosed index beyond the key', proof: withMap(p, 'aDisclosed', (m) => m.set(pk.R.length, 5n)) });
  out.push({ name: 'a_responses index beyond the key', proof: withMap(p, 'aResponses', (m) => m.set(pk.R.length + 3, 5n)) });
  return out;
}

describe('verifyProofList on gabi vectors', () => {
  for (const bits of [1024, 2048] as const) {
    const f = loadVectorFile(bits, 'disclosure');
    for (const caseName of ['valid-disclose-1-2-context1', 'valid-disclose-1-3-5-randomcontext', 'valid-disclose-all', 'valid-disclose-none']) {
      const c = proofListCase(f, caseName);
      const pk = f.keys.get(c.publicKeyIds[0]!)!;
      const proof = parseProofList(c.proofList)[0] as ProofD;
      const verify = (p: Proof, engine = undefined as typeof referenceEngine | undefined) =>
        verifyProofList([p], [pk], BigInt(c.context), BigInt(c.nonce), false, undefined, engine ? { engine } : {});

      it(`${bits} ${caseName}: valid with the default and the reference engine`, () => {
        expect(verify(proof)).toBe(true);
        expect(verify(proof, referenceEngine)).toBe(true);
      });

      it(`${bits} ${caseName}: every tamper fails`, () => {
        const ts = tampers(proof, pk);
        expect(ts.length).toBeGreaterThan(15);
        for (const t of ts) expect(verify(t.proof), t.name).toBe(false);
      });
    }
  }

  it('fails on wrong inputs around a valid proof, without throwing', () => {
    const f = loadVectorFile(1024, 'disclosure');
    const other = [...loadVectorFile(2048, 'disclosure').keys.values()][0]!;
    const c = proofListCase(f, 'valid-disclose-1-2-context1');
    const pk = f.keys.get(c.publicKeyIds[0]!)!;
    const proofs = parseProofList(c.proofList);
    const ctx = BigInt(c.context);
    const nonce = BigInt(c.nonce);
    expect(verifyProofList(proofs, [pk], ctx, nonce, false)).toBe(true);
    expect(verifyProofList(proofs, [other], ctx, nonce, false)).toBe(false);
    expect(verifyProofList(proofs, [], ctx, nonce, false)).toBe(false);
    expect(verifyProofList(proofs, [pk, pk], ctx, nonce, false)).toBe(false);
    expect(verifyProofList([], [], ctx, nonce, false)).toBe(false);
    expect(verifyProofList(proofs, [pk], ctx + 1n, nonce, false)).toBe(false);
    expect(verifyProofList(proofs, [pk], ctx, nonce + 1n, false)).toBe(false);
    expect(verifyProofList(proofs, [pk], ctx, nonce, true)).toBe(false);
    expect(verifyProofList(proofs, [pk], -1n, nonce, false)).toBe(false);
    expect(verifyProofList(proofs, [pk], ctx, nonce, false, ['.', '.'])).toBe(false);
    expect(verifyProofList([proofs[0]!, proofs[0]!], [pk, pk], ctx, nonce, false)).toBe(false);
    expect(proofContributions(proofs[0]!, pk, -1n)).toBeUndefined();
    expect(proofContributions({ ...proofs[0]!, c: -proofs[0]!.c } as Proof, pk, -proofs[0]!.c)).toBeUndefined();
  });

  it('issuance: ProofU and ProofD sharing the secret verify together; a mismatching secret response fails', () => {
    for (const bits of [1024, 2048] as const) {
      const f = loadVectorFile(bits, 'issuance');
      for (const name of ['combined-valid', 'combined-tampered-secret-response']) {
        const c = proofListCase(f, name);
        const keys = c.publicKeyIds.map((id) => f.keys.get(id)!);
        const proofs = parseProofList(c.proofList);
        expect(verifyProofList(proofs, keys, BigInt(c.context), BigInt(c.nonce), false), `${bits} ${name}`).toBe(c.expected);
      }
    }
  });
});

describe('verifyProofList on fresh proofs (test prover, demo key)', () => {
  const schemes = process.env['IRMA_SCHEMES_DIR'] ?? join(process.cwd(), '..', 'shared', 'irma_configuration');
  const dir = join(schemes, 'irma-demo', 'MijnOverheid');
  let pk: IssuerPublicKey;
  let cred: (secret: bigint) => TestCredential;
  const attrs = [0x0300000b54001a0001f1d128568f22233c24a0552ccf5db0b6n, encodeStringAttribute('Alice'), encodeStringAttribute('x'.repeat(40)), encodeStringAttribute(null)];

  beforeAll(() => {
    pk = parsePublicKeyXml(readFileSync(join(dir, 'PublicKeys', '1.xml'), 'utf8'));
    const sk = parsePrivateKeyXml(readFileSync(join(dir, 'PrivateKeys', '1.xml'), 'utf8'));
    cred = (secret) => issueTestCredential(sk, pk, secret, attrs).credential;
  });

  it('accepts proofs over two credentials with one secret, including a hashed big attribute', () => {
    const s = newSecret();
    const proofs = proveDisclosure([{ cred: cred(s), disclose: [1, 2, 3] }, { cred: cred(s), disclose: [1, 4] }], 1n, 77n, false);
    expect(verifyProofList(proofs, [pk, pk], 1n, 77n, false)).toBe(true);
    expect(verifyProofList(proofs, [pk, pk], 1n, 77n, false, undefined, { engine: referenceEngine })).toBe(true);
    expect(verifyProofList(proofs, [pk, pk], 1n, 77n, true)).toBe(false);
  });

  it('enforces the same secret per keyshare group only', () => {
    const proofs = proveDisclosure([{ cred: cred(newSecret()), disclose: [1] }, { cred: cred(newSecret()), disclose: [1] }], 1n, 5n, false);
    expect(verifyProofList(proofs, [pk, pk], 1n, 5n, false)).toBe(false);
    expect(verifyProofList(proofs, [pk, pk], 1n, 5n, false, ['.', '.'])).toBe(false);
    expect(verifyProofList(proofs, [pk, pk], 1n, 5n, false, ['.', 'pbdf'])).toBe(true);
    expect(verifyProofList(proofs, [pk, pk], 1n, 5n, false, ['pbdf', 'pbdf'])).toBe(false);
  });

  it('verifies an issuance list [ProofD, ProofU] bound by the shared secret', () => {
    const s = newSecret();
    const [d] = proveDisclosure([{ cred: cred(s), disclose: [1] }], 1n, 9n, false);
    expect(verifyProofList([d!], [pk], 1n, 9n, false)).toBe(true);
    const { proof: u } = proveCommitment(pk, s, 1n, 9n);
    expect(verifyProofList([u], [pk], 1n, 9n, false)).toBe(true);
    expect(verifyProofList([u], [pk], 1n, 9n, true)).toBe(false);
    expect(verifyProofList([{ ...u, U: u.U + 1n }], [pk], 1n, 9n, false)).toBe(false);
    expect(verifyProofList([{ ...u, vPrimeResponse: u.vPrimeResponse + (1n << BigInt(pk.params.LvPrimeCommit + 1)) }], [pk], 1n, 9n, false)).toBe(false);
  });
});
