import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeStringAttribute } from './attributes.js';
import { referenceEngine } from './exp-engine.js';
import { isValidSignatureExponent, parseClSignature, parseProofS, serializeClSignature, serializeProofS, verifyClSignature, verifyProofS } from './issuance.js';
import { parsePrivateKeyXml, type IssuerPrivateKey } from './private-key.js';
import { parsePublicKeyXml, type IssuerPublicKey } from './public-key.js';
import { issueTestCredential, newSecret } from './testing/prover.js';
import { loadVectorFile } from './testing/vector-fixtures.js';

describe('issuance vectors (ProofS and CL signatures made by gabi)', () => {
  for (const bits of [1024, 2048] as const) {
    it(`${bits}: verdicts match gabi`, () => {
      const f = loadVectorFile(bits, 'issuance');
      const pk = [...f.keys.values()][0]!;
      const cases = f.json['cases'] as { proofS: { name: string; data: Record<string, unknown>; expected: boolean }[]; clsig: { name: string; data: Record<string, unknown>; expected: boolean }[] };
      expect(cases.proofS.length).toBeGreaterThan(3);
      for (const c of cases.proofS) {
        const sig = parseClSignature(c.data['signature']);
        const proof = parseProofS(c.data['proofS']);
        expect(serializeProofS(proof)).toEqual(c.data['proofS']);
        expect(serializeClSignature(sig)).toEqual(c.data['signature']);
        const ctx = BigInt(String(c.data['context']));
        const n2 = BigInt(String(c.data['nonce2']));
        expect(verifyProofS(pk, sig, proof, ctx, n2), c.name).toBe(c.expected);
        expect(verifyProofS(pk, sig, proof, ctx, n2, referenceEngine), c.name).toBe(c.expected);
      }
      for (const c of cases.clsig) {
        const ms = (c.data['ms'] as string[]).map(BigInt);
        expect(verifyClSignature(pk, parseClSignature(c.data['signature']), ms), c.name).toBe(c.expected);
      }
    });
  }
});

describe('CL signing with a demo private key', () => {
  const schemes = process.env['IRMA_SCHEMES_DIR'] ?? join(process.cwd(), '..', 'shared', 'irma_configuration');
  let pk: IssuerPublicKey;
  let sk: IssuerPrivateKey;

  beforeAll(() => {
    const dir = join(schemes, 'irma-demo', 'MijnOverheid');
    pk = parsePublicKeyXml(readFileSync(join(dir, 'PublicKeys', '1.xml'), 'utf8'));
    sk = parsePrivateKeyXml(readFileSync(join(dir, 'PrivateKeys', '1.xml'), 'utf8'));
  });

  it('issues a credential whose ProofS and CL signature verify, and whose tampers fail', () => {
    const attrs = [0x03000b54001a0001f1d128568f22233c24a0552ccf5db0b6n, encodeStringAttribute('Bob'), encodeStringAttribute('y'.repeat(50))];
    const secret = newSecret();
    const { credential, issuerSignature, proofS, nonce2 } = issueTestCredential(sk, pk, secret, attrs);
    expect(isValidSignatureExponent(pk, issuerSignature.e)).toBe(true);
    expect(verifyProofS(pk, issuerSignature, proofS, 1n, nonce2)).toBe(true);
    expect(verifyProofS(pk, issuerSignature, proofS, 1n, nonce2 + 1n)).toBe(false);
    expect(verifyProofS(pk, issuerSignature, proofS, 2n, nonce2)).toBe(false);
    expect(verifyProofS(pk, issuerSignature, { ...proofS, eResponse: proofS.eResponse + 1n }, 1n, nonce2)).toBe(false);
    expect(verifyClSignature(pk, credential.signature, credential.ms)).toBe(true);
    expect(verifyClSignature(pk, credential.signature, credential.ms, referenceEngine)).toBe(true);
    expect(verifyClSignature(pk, { ...credential.signature, v: credential.signature.v + 1n }, credential.ms)).toBe(false);
    expect(verifyClSignature(pk, { ...credential.signature, e: credential.signature.e + 2n }, credential.ms)).toBe(false);
    expect(verifyClSignature(pk, credential.signature, [secret + 1n, ...attrs])).toBe(false);
    expect(verifyClSignature(pk, credential.signature, [secret, ...attrs.slice(0, 2), encodeStringAttribute('y'.repeat(51))])).toBe(false);
  });
});
