import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NutshellError } from '#errors';
import {
  credentialTypeHash,
  decodeMetadataAttribute,
  decodeStringAttribute,
  encodeMetadataAttribute,
  encodeStringAttribute,
  encodeStringAttributeV2,
  exponentForAttribute,
  metadataExpiry,
  validityWeeksUntil,
} from './attributes.js';
import { bigIntFromBytes, bigIntToBytes } from './bigint.js';
import { sha256Int } from './hash.js';
import { loadVectorFile } from './testing/vector-fixtures.js';

describe('string attributes', () => {
  it('encodes irmago test values (v3 flag and v2)', () => {
    expect(encodeStringAttribute('male')).toBe(3670202571n);
    expect(encodeStringAttributeV2('male')).toBe(1835101285n);
  });

  it('distinguishes the empty string from an absent value', () => {
    expect(encodeStringAttribute('')).toBe(1n);
    expect(encodeStringAttribute(null)).toBe(0n);
    expect(decodeStringAttribute(1n)).toBe('');
    expect(decodeStringAttribute(0n)).toBeNull();
    expect(decodeStringAttribute(2n)).toBeNull();
  });

  it('round-trips arbitrary UTF-8 strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        // Lone surrogates are not encodable as UTF-8; irmago's strings never contain them.
        fc.pre(Buffer.from(s, 'utf8').toString('utf8') === s);
        // Leading NUL characters vanish in the integer encoding (as in irmago); see the test below.
        fc.pre(!s.startsWith('\u0000'));
        expect(decodeStringAttribute(encodeStringAttribute(s))).toBe(s);
      }),
    );
  });

  it('loses leading NUL characters, exactly like irmago (big.Int drops leading zero bytes)', () => {
    expect(encodeStringAttribute('\u0000a')).toBe(encodeStringAttribute('a'));
    expect(decodeStringAttribute(encodeStringAttribute('\u0000'))).toBe('');
  });

  it('matches the attribute values of the gabi vectors', () => {
    for (const bits of [1024, 2048] as const) {
      const extra = loadVectorFile(bits, 'disclosure').json.extra as { attributeStrings: string[]; attributes: string[] };
      for (let i = 1; i < extra.attributes.length; i++) {
        expect(encodeStringAttribute(extra.attributeStrings[i]!)).toBe(BigInt(extra.attributes[i]!));
        expect(decodeStringAttribute(BigInt(extra.attributes[i]!))).toBe(extra.attributeStrings[i]);
      }
    }
  });

  it('refuses invalid UTF-8 with IRMA_MALFORMED_INPUT', () => {
    const bad = (bigIntFromBytes(Uint8Array.of(0xff, 0xfe)) << 1n) | 1n;
    expect(() => decodeStringAttribute(bad)).toThrow(NutshellError);
  });
});

describe('metadata attribute', () => {
  it('encodes the spec example', () => {
    const m = {
      version: 3,
      signingDate: new Date(2900 * 604800 * 1000 + 3600_000),
      validityWeeks: 26,
      keyCounter: 1,
      credentialTypeHash: credentialTypeHash('irma-demo.MijnOverheid.fullName'),
    };
    expect(encodeMetadataAttribute(m)).toBe(0x03000b54001a0001f1d128568f22233c24a0552ccf5db0b6n);
    const back = decodeMetadataAttribute(0x03000b54001a0001f1d128568f22233c24a0552ccf5db0b6n);
    expect(back.version).toBe(3);
    expect(back.signingDate.getTime()).toBe(2900 * 604800 * 1000);
    expect(back.signingDate.toISOString()).toBe('2025-07-31T00:00:00.000Z');
    expect(back.validityWeeks).toBe(26);
    expect(back.keyCounter).toBe(1);
    expect(Buffer.from(back.credentialTypeHash).toString('hex')).toBe('f1d128568f22233c24a0552ccf5db0b6');
    expect(metadataExpiry(back).getTime()).toBe((2900 + 26) * 604800 * 1000);
  });

  it('round-trips random metadata', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (weeks, validity, counter, hash) => {
          const m = { version: 3, signingDate: new Date(weeks * 604800 * 1000), validityWeeks: validity, keyCounter: counter, credentialTypeHash: hash };
          const d = decodeMetadataAttribute(encodeMetadataAttribute(m));
          expect(d).toEqual(m);
        },
      ),
    );
  });

  it('reads the signing date from bytes 2..3 only and refuses values longer than 24 bytes', () => {
    const b = new Uint8Array(24);
    b[0] = 3;
    b[1] = 0x7f;
    b[3] = 2;
    expect(decodeMetadataAttribute(bigIntFromBytes(b)).signingDate.getTime()).toBe(2 * 604800 * 1000);
    expect(() => decodeMetadataAttribute(1n << 192n)).toThrow(NutshellError);
  });

  it('decodes the vector metadata value without error (the generator used a synthetic 23-byte value)', () => {
    const extra = loadVectorFile(1024, 'disclosure').json.extra as { attributes: string[] };
    const x = BigInt(extra.attributes[0]!);
    const m = decodeMetadataAttribute(x);
    expect(m.credentialTypeHash).toHaveLength(16);
    expect(Buffer.from(m.credentialTypeHash).toString('hex')).toBe(bigIntToBytes(x).subarray(-16).reduce((h, b) => h + b.toString(16).padStart(2, '0'), ''));
  });

  it('computes validity in whole weeks from the signing week', () => {
    const signing = new Date(2900 * 604800 * 1000 + 5000);
    expect(validityWeeksUntil(signing, new Date((2900 + 26) * 604800 * 1000 + 10))).toBe(26);
    expect(validityWeeksUntil(signing, new Date((2900 + 26) * 604800 * 1000 - 10))).toBe(25);
    expect(() => validityWeeksUntil(signing, new Date(2899 * 604800 * 1000))).toThrow(RangeError);
  });
});

describe('big attributes (§3.4)', () => {
  it('hashes values longer than Lm bits and leaves shorter ones alone', () => {
    // 'a' is 0x61 (7 significant bits), so 32 of them encode to exactly 256 bits: not hashed; 33 are.
    const short = encodeStringAttribute('a'.repeat(32));
    const long = encodeStringAttribute('a'.repeat(33));
    expect(exponentForAttribute(short, 256)).toBe(short);
    const high = encodeStringAttribute('\u00ff'.repeat(16));
    expect(exponentForAttribute(high, 256)).toBe(sha256Int(bigIntToBytes(high)));
    expect(exponentForAttribute(long, 256)).toBe(sha256Int(bigIntToBytes(long)));
    expect(exponentForAttribute((1n << 256n) - 1n, 256)).toBe((1n << 256n) - 1n);
    expect(exponentForAttribute(1n << 256n, 256)).toBe(sha256Int(bigIntToBytes(1n << 256n)));
    expect(exponentForAttribute(1n << 300n, 512)).toBe(1n << 300n);
  });
});
