import { beforeAll, describe, expect, it } from 'vitest';
import { encodeStringAttribute, encodeStringAttributeV2 } from '../idemix/attributes.js';
import { randomBigInt } from '../idemix/bigint.js';
import type { DisclosureRequest } from '../request/types.js';
import { createDisclosure, issueCredential } from '../testing/prover.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { base62Encode, decodeAttributeValue, decodeRandomBlindValue } from './attribute-value.js';
import { verifyDisclosure } from './verify-disclosure.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function base62Decode(text: string): bigint {
  return [...text].reduce((acc, ch) => acc * 62n + BigInt(ALPHABET.indexOf(ch)), 0n);
}

describe('attribute decoding', () => {
  it('decodes v3 values with the presence bit and v2 values without it', () => {
    expect(decodeAttributeValue(3670202571n, 3)).toBe('male');
    expect(decodeAttributeValue(1835101285n, 2)).toBe('male');
    expect(decodeAttributeValue(encodeStringAttribute(''), 3)).toBe('');
    expect(decodeAttributeValue(0n, 3)).toBeNull();
    expect(decodeAttributeValue(encodeStringAttributeV2('456'), 2)).toBe('456');
    // Invalid UTF-8 is replaced, as Go's JSON encoding of string(bytes) does, instead of failing.
    expect(decodeAttributeValue((0xffn << 1n) | 1n, 3)).toBe('\uFFFD');
  });

  it('writes random-blind values in base 62 like eknkc/basex', () => {
    expect(base62Encode(Uint8Array.of(61))).toBe('Z');
    expect(base62Encode(Uint8Array.of(62))).toBe('10');
    expect(base62Encode(Uint8Array.of(0, 1))).toBe('01');
    expect(base62Encode(new Uint8Array(0))).toBe('');
    const value = randomBigInt(255);
    expect(base62Decode(decodeRandomBlindValue(value))).toBe(value);
  });
});

describe('random-blind attributes in a disclosure (irma-demo.stemmen.stempas)', () => {
  let configuration: TestConfiguration;
  beforeAll(async () => {
    configuration = await loadTestConfiguration();
  });

  it('reports the base-62 form of the disclosed value', async () => {
    const stempas = issueCredential(configuration, 'irma-demo.stemmen.stempas', {
      election: 'test',
      voteURL: 'https://vote.test/',
      start: '2026-01-01',
      end: '2026-12-31',
    });
    const request: DisclosureRequest = {
      type: 'disclosing',
      context: 1n,
      nonce: randomBigInt(128),
      disclose: [[[{ type: 'irma-demo.stemmen.stempas.votingnumber' }]]],
    };
    const result = await verifyDisclosure({ body: createDisclosure([stempas], request), request, configuration });
    expect(result.proofStatus).toBe('VALID');
    const rawvalue = result.disclosed[0]![0]!.rawvalue!;
    expect(base62Decode(rawvalue)).toBe(stempas.attributes[3]);
  });
});
