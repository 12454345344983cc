import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigIntFromBytes } from './bigint.js';
import { derInteger, derLength, derSequence } from './der.js';
import { referenceEngine } from './exp-engine.js';
import { createChallenge, hashCommit, signatureNonce } from './hash.js';
import { proofContributions } from './proof-list.js';
import { parseProofList } from './proof.js';
import { loadVectorFile, proofListCases } from './testing/vector-fixtures.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('DER as Go encoding/asn1 writes it', () => {
  it('encodes integers minimally with a sign byte, zero as 02 01 00', () => {
    expect(hex(derInteger(0n))).toBe('020100');
    expect(hex(derInteger(1n))).toBe('020101');
    expect(hex(derInteger(127n))).toBe('02017f');
    expect(hex(derInteger(128n))).toBe('02020080');
    expect(hex(derInteger(255n))).toBe('020200ff');
    expect(hex(derInteger(256n))).toBe('02020100');
  });

  it('uses short lengths below 128 and long form above', () => {
    expect(hex(derLength(0))).toBe('00');
    expect(hex(derLength(127))).toBe('7f');
    expect(hex(derLength(128))).toBe('8180');
    expect(hex(derLength(256))).toBe('820100');
    expect(hex(derLength(70000))).toBe('83011170');
  });

  it('reproduces the spec example HashCommit([1,0,255,256], false)', () => {
    const der = derSequence([derInteger(4n), derInteger(1n), derInteger(0n), derInteger(255n), derInteger(256n)]);
    expect(hex(der)).toBe('3011020104020101020100020200ff02020100');
    expect(hashCommit([1n, 0n, 255n, 256n], false)).toBe(0xe60dcc2df5c2bdd612b1642f0e401744692388679a3a63cb856e68b405f0b552n);
  });

  it('prefixes BOOLEAN TRUE only for signatures', () => {
    const der = Buffer.from('3014' + '0101ff' + '020104020101020100020200ff02020100', 'hex');
    expect(hashCommit([1n, 0n, 255n, 256n], true)).toBe(bigIntFromBytes(createHash('sha256').update(der).digest()));
    expect(hashCommit([1n, 0n, 255n, 256n], true)).not.toBe(hashCommit([1n, 0n, 255n, 256n], false));
  });
});

describe('challenges of the gabi vectors', () => {
  for (const bits of [1024, 2048] as const) {
    for (const kind of ['disclosure', 'signature', 'issuance'] as const) {
      it(`createChallenge over the reference contributions reproduces gabi's c (${bits}, ${kind})`, () => {
        const f = loadVectorFile(bits, kind);
        const valid = proofListCases(f).filter((c) => c.expected);
        expect(valid.length).toBeGreaterThan(0);
        for (const c of valid) {
          const proofs = parseProofList(c.proofList);
          const contributions = proofs.flatMap((p, i) => proofContributions(p, f.keys.get(c.publicKeyIds[i]!)!, p.c, referenceEngine)!);
          expect(createChallenge(BigInt(c.context), BigInt(c.nonce), contributions, c.issig), c.name).toBe(proofs[0]!.c);
        }
      });
    }
  }

  it('signature nonces: H(DER(SEQUENCE{nonce, H(message)})) equals the nonce gabi was given', () => {
    for (const bits of [1024, 2048] as const) {
      const f = loadVectorFile(bits, 'signature');
      const withMessage = proofListCases(f).filter((c) => c.message !== undefined && c.baseNonce !== undefined && c.expected);
      expect(withMessage.length).toBeGreaterThan(0);
      for (const c of withMessage) expect(signatureNonce(c.message!, BigInt(c.baseNonce!))).toBe(BigInt(c.nonce));
    }
  });

  it('signature nonces include the timestamp signature as an OCTET STRING when present', () => {
    const sig = new Uint8Array(64).fill(7);
    const der = derSequence([derInteger(5n), derInteger(bigIntFromBytes(createHash('sha256').update('m').digest())), Uint8Array.of(0x04, 64, ...sig)]);
    expect(signatureNonce('m', 5n, sig)).toBe(bigIntFromBytes(createHash('sha256').update(der).digest()));
  });
});
