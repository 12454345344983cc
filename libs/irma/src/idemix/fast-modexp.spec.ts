import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceEngine, type ExpTerm } from './exp-engine.js';
import { allEngines, dhModPow, fastModPow, rsaModPow } from './fast-modexp.js';
import { gcd, modInverse, modPow } from './modexp.js';

/** Textbook square-and-multiply, independent of the windowed reference. */
function naivePow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n % m;
  let x = ((b % m) + m) % m;
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) r = (r * x) % m;
    x = (x * x) % m;
  }
  return r;
}

const oddModulus = (bits: number) =>
  fc.bigInt({ min: 1n << BigInt(bits - 1), max: (1n << BigInt(bits)) - 1n }).map((n) => n | 1n);

describe('reference modPow and modInverse', () => {
  it('agree with textbook square-and-multiply', () => {
    fc.assert(
      fc.property(oddModulus(256), fc.bigInt({ min: 0n, max: 1n << 300n }), fc.bigInt({ min: 0n, max: 1n << 600n }), (n, b, e) => {
        expect(modPow(b, e, n)).toBe(naivePow(b, e, n));
      }),
      { numRuns: 200 },
    );
  });

  it('inverts for negative exponents and refuses non-invertible bases', () => {
    fc.assert(
      fc.property(oddModulus(128), fc.bigInt({ min: 2n, max: 1n << 128n }), fc.bigInt({ min: 1n, max: 1n << 200n }), (n, b, e) => {
        fc.pre(gcd(b, n) === 1n);
        const inv = modInverse(b, n);
        expect((inv * b) % n).toBe(1n);
        expect(modPow(b, -e, n)).toBe(naivePow(inv, e, n));
      }),
      { numRuns: 200 },
    );
    expect(() => modInverse(6n, 9n)).toThrow(RangeError);
    expect(() => modPow(3n, -1n, 9n)).toThrow(RangeError);
  });
});

describe('fast exponentiation equals the reference', () => {
  for (const bits of [1024, 2048]) {
    it(`DH and RSA tricks, ${bits}-bit moduli: random bases (also ≥ modulus) and exponents (also longer than the modulus)`, () => {
      fc.assert(
        fc.property(
          oddModulus(bits),
          fc.bigInt({ min: 0n, max: 1n << BigInt(bits + 64) }),
          fc.oneof(fc.bigInt({ min: 0n, max: 1n << 64n }), fc.bigInt({ min: 0n, max: 1n << BigInt(3 * bits) })),
          (n, b, e) => {
            const expected = modPow(b, e, n);
            expect(dhModPow(b, e, n)).toBe(expected);
            expect(rsaModPow(b, e, n)).toBe(expected);
          },
        ),
        { numRuns: bits === 1024 ? 25 : 8 },
      );
    });
  }

  it('handles the bases and exponents OpenSSL refuses (0, 1, n−1, tiny exponents, negative bases)', () => {
    const n = (1n << 1023n) + 1155n;
    for (const b of [0n, 1n, 2n, n - 1n, n, n + 1n, -1n, -5n, 2n * n + 7n]) {
      for (const e of [0n, 1n, 2n, 3n, 65537n, (1n << 1100n) + 3n]) {
        const expected = modPow(b, e, n);
        expect(dhModPow(b, e, n), `dh ${b}^${e}`).toBe(expected);
        expect(rsaModPow(b, e, n), `rsa ${b}^${e}`).toBe(expected);
        expect(fastModPow(b, e, n)).toBe(expected);
      }
    }
  });

  it('fastModPow inverts for negative exponents', () => {
    fc.assert(
      fc.property(oddModulus(1024), fc.bigInt({ min: 2n, max: 1n << 1100n }), fc.bigInt({ min: 1n, max: 1n << 2100n }), (n, b, e) => {
        fc.pre(gcd(b, n) === 1n);
        expect(fastModPow(b, -e, n)).toBe(modPow(b, -e, n));
      }),
      { numRuns: 15 },
    );
  });

  it('every engine computes the same multi-exponentiation, with and without fixed-base tables', () => {
    fc.assert(
      fc.property(
        oddModulus(1024),
        fc.array(
          fc.tuple(fc.bigInt({ min: 0n, max: 1n << 1100n }), fc.bigInt({ min: 0n, max: 1n << 2100n }), fc.boolean()),
          { minLength: 0, maxLength: 6 },
        ),
        (n, raw) => {
          const terms: ExpTerm[] = raw.map(([b, e, fixed]) => [b, e, fixed]);
          const expected = referenceEngine.multiExp(terms, n);
          for (const engine of allEngines) expect(engine.multiExp(terms, n), engine.name).toBe(expected);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('fixed-base tables stay correct when reused with longer exponents', () => {
    const n = (1n << 2047n) + 12345n * 2n + 1n;
    const g = 0x1234567890abcdefn ** 20n % n;
    const [table] = allEngines;
    for (const bits of [8n, 300n, 64n, 2500n, 700n, 3300n]) {
      const e = (1n << bits) + 12345n;
      expect(table!.multiExp([[g, e, true]], n)).toBe(modPow(g, e, n));
    }
  });
});

describe('moduli OpenSSL dislikes', () => {
  it('small and even moduli still give reference results', () => {
    for (const n of [3n, 15n, 1n << 64n, (1n << 127n) - 1n, (1n << 521n) - 1n, 2n * ((1n << 1023n) + 1155n), (1n << 1023n) + 1155n]) {
      for (const [b, e] of [[2n, 1n << 70n], [12345678901234567890n, (1n << 200n) + 17n]] as const) {
        const expected = modPow(b, e, n);
        expect(dhModPow(b, e, n), `dh mod ${n}`).toBe(expected);
        expect(rsaModPow(b, e, n), `rsa mod ${n}`).toBe(expected);
        for (const engine of allEngines) expect(engine.multiExp([[b, e, true]], n), `${engine.name} mod ${n}`).toBe(expected);
      }
    }
  });
});
