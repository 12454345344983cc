import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import { bigIntFromBytes, bigIntToBytes, bitLength, decodeBigB64, encodeBigB64, MAX_BIGINT_BYTES, randomBelow, randomBigInt } from './bigint.js';

describe('big integer encodings', () => {
  it('uses the minimal big-endian magnitude, empty for zero', () => {
    expect(bigIntToBytes(0n)).toEqual(new Uint8Array(0));
    expect([...bigIntToBytes(255n)]).toEqual([0xff]);
    expect([...bigIntToBytes(256n)]).toEqual([0x01, 0x00]);
    expect(bigIntFromBytes(new Uint8Array(0))).toBe(0n);
    expect(bigIntFromBytes(Uint8Array.of(0, 0, 1, 2))).toBe(258n);
    expect(() => bigIntToBytes(-1n)).toThrow(RangeError);
  });

  it('round-trips bytes and base64 for arbitrary values', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 4096n) - 1n }), (x) => {
        expect(bigIntFromBytes(bigIntToBytes(x))).toBe(x);
        expect(decodeBigB64(encodeBigB64(x))).toBe(x);
        const bytes = bigIntToBytes(x);
        expect(bytes.length === 0 || bytes[0] !== 0).toBe(true);
      }),
    );
  });

  it('encodes zero as the empty string, as gabi marshals it', () => {
    expect(encodeBigB64(0n)).toBe('');
    expect(decodeBigB64('')).toBe(0n);
    expect(encodeBigB64(1n)).toBe('AQ==');
  });

  it('tolerates CR/LF and non-zero padding bits like Go, and reads them as different values', () => {
    expect(decodeBigB64('AQ==\r\n')).toBe(1n);
    // "AR==" carries non-zero padding bits: Go and Node both decode it to the byte 0x01.
    expect(decodeBigB64('AR==')).toBe(1n);
    expect(decodeBigB64('AQI=')).toBe(0x0102n);
  });

  it('refuses malformed base64 and absurd sizes with IRMA_MALFORMED_INPUT', () => {
    for (const bad of ['A', 'AQ=', 'AQ', '!!!!', 'AQ==AQ==', 'A===', '-_-_', ' AQ==']) {
      let err: unknown;
      try {
        decodeBigB64(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(NutshellError);
      expect((err as NutshellError).code).toBe('IRMA_MALFORMED_INPUT');
    }
    const tooBig = Buffer.alloc(MAX_BIGINT_BYTES + 1, 0x41).toString('base64');
    expect(() => decodeBigB64(tooBig)).toThrow(NutshellError);
    expect(decodeBigB64(Buffer.alloc(MAX_BIGINT_BYTES, 0x41).toString('base64')) > 0n).toBe(true);
  });

  it('computes bit lengths', () => {
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(256n)).toBe(9);
    expect(bitLength(1n << 1000n)).toBe(1001);
  });

  it('draws random values in range', () => {
    for (const bits of [1, 7, 8, 9, 255, 592]) {
      for (let i = 0; i < 50; i++) {
        const r = randomBigInt(bits);
        expect(r >= 0n && r < 1n << BigInt(bits)).toBe(true);
      }
    }
    expect(randomBigInt(0)).toBe(0n);
    for (let i = 0; i < 50; i++) {
      const r = randomBelow(1000n);
      expect(r >= 0n && r < 1000n).toBe(true);
    }
    // 200 draws of 64 bits are all distinct with overwhelming probability.
    expect(new Set(Array.from({ length: 200 }, () => randomBigInt(64))).size).toBe(200);
  });
});
