import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestAtumKey, stampNonce } from '../testing/test-atum.js';
import { parseAtumTimestamp } from './atum-timestamp.js';
import { timestampNonce } from './timestamp-nonce.js';
import { decodeTimestampKey, trustedTimestampKeys } from './trusted-keys.js';
import { atumSignedBytes, verifyAtumTimestamp } from './verify-timestamp.js';

const nonce = new Uint8Array(createHash('sha256').update('nonce').digest());

describe('Atum timestamps', () => {
  it('encodes the signed bytes as uint64 big-endian time followed by the nonce', () => {
    const bytes = atumSignedBytes(0x0102030405, Uint8Array.of(0xaa, 0xbb));
    expect(Buffer.from(bytes).toString('hex')).toBe('0000000102030405aabb');
  });

  it('accepts a timestamp from a pinned key and refuses other keys, times, nonces and algorithms', () => {
    const key = createTestAtumKey();
    const json = stampNonce(key, nonce, 1_700_000_000);
    const timestamp = parseAtumTimestamp(json)!;
    const trusted = trustedTimestampKeys([key.publicKeyBase64]);
    expect(verifyAtumTimestamp(timestamp, nonce, trusted)).toEqual({ valid: true, time: 1_700_000_000 });
    expect(verifyAtumTimestamp(timestamp, nonce, trustedTimestampKeys([]))).toEqual({ valid: false, failure: 'untrusted-key' });
    expect(verifyAtumTimestamp({ ...timestamp, time: 1_700_000_001 }, nonce, trusted)).toEqual({ valid: false, failure: 'bad-signature' });
    expect(verifyAtumTimestamp(timestamp, new Uint8Array(32), trusted)).toEqual({ valid: false, failure: 'bad-signature' });
    expect(verifyAtumTimestamp({ ...timestamp, alg: 'xmssmt' }, nonce, trusted)).toEqual({ valid: false, failure: 'unsupported-algorithm' });
  });

  it('accepts pinned keys as base64 or hex and refuses anything else as configuration error', () => {
    const key = createTestAtumKey();
    const hex = Buffer.from(key.publicKey).toString('hex');
    expect(decodeTimestampKey(hex)).toEqual(key.publicKey);
    expect(trustedTimestampKeys([hex]).has(key.publicKey)).toBe(true);
    expect(() => trustedTimestampKeys(['not a key'])).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('parses Go field names case-insensitively and rejects malformed timestamps', () => {
    const key = createTestAtumKey();
    const json = stampNonce(key, nonce, 42);
    const lower = { time: 42, serverurl: 'x', sig: { alg: 'ed25519', data: json.Sig.Data, publickey: json.Sig.PublicKey } };
    expect(parseAtumTimestamp(lower)).toMatchObject({ time: 42, alg: 'ed25519' });
    expect(parseAtumTimestamp({ ...json, Time: '42' })).toBeUndefined();
    expect(parseAtumTimestamp({ ...json, Sig: { ...json.Sig, Data: '%%%' } })).toBeUndefined();
    expect(parseAtumTimestamp(null)).toBeUndefined();
  });

  it('hashes the DER structure of version 2 and version 1 nonces differently', () => {
    const v2 = timestampNonce('m', [5n], { version: 2, dlreps: [7n] });
    const v1 = timestampNonce('m', [5n], { version: 1, vectors: [[0n, 7n]] });
    // SEQUENCE{SEQUENCE{INTEGER 5}, OCTET STRING sha256("m"), SEQUENCE{INTEGER 7}}, built by hand.
    const messageHash = createHash('sha256').update('m').digest();
    const der = Buffer.concat([Buffer.from('302c3003020105', 'hex'), Buffer.from('0420', 'hex'), messageHash, Buffer.from('3003020107', 'hex')]);
    expect(Buffer.from(v2).toString('hex')).toBe(createHash('sha256').update(der).digest('hex'));
    expect(Buffer.from(v1)).not.toEqual(Buffer.from(v2));
  });
});
