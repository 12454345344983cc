import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signatureNonce } from './signature-nonce.js';

interface SignatureCase {
  readonly name: string;
  readonly message?: string;
  readonly baseNonce?: string;
  readonly nonce: string;
}

const vectorsDir = fileURLToPath(new URL('../../../../../shared/vectors/gabi/', import.meta.url));

function cases(file: string): SignatureCase[] {
  return (JSON.parse(readFileSync(vectorsDir + file, 'utf8')) as { cases: SignatureCase[] }).cases;
}

describe('signatureNonce (irmago ASN1ConvertSignatureNonce)', () => {
  for (const file of ['generated-1024.signature.json', 'generated-2048.signature.json']) {
    it(`derives the nonce gabi was given in ${file}`, () => {
      const withBase = cases(file).filter((c) => c.baseNonce !== undefined && c.message !== undefined);
      expect(withBase.length).toBeGreaterThan(0);
      for (const c of withBase) {
        expect(signatureNonce(c.message!, BigInt(c.baseNonce!)), c.name).toBe(BigInt(c.nonce));
      }
    });
  }

  it('binds the timestamp signature when there is one', () => {
    const without = signatureNonce('m', 5n);
    expect(signatureNonce('m', 5n, new Uint8Array(64))).not.toBe(without);
    expect(signatureNonce('m', 6n)).not.toBe(without);
    expect(signatureNonce('n', 5n)).not.toBe(without);
  });
});
