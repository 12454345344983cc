/**
 * Checks an Atum timestamp over a nonce (go-atum `Timestamp.Verify`), with the key-trust step
 * replaced by a pinned key set. Ed25519 goes through node:crypto; XMSS^MT is rejected because the
 * Yivi app always requests Ed25519.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { AtumTimestamp } from './atum-timestamp.js';
import type { TrustedTimestampKeys } from './trusted-keys.js';

/** Why a timestamp was not accepted. */
export type TimestampFailure = 'unsupported-algorithm' | 'unsupported-hashing' | 'untrusted-key' | 'bad-signature';

/** Outcome of `verifyAtumTimestamp`; `time` is the moment the signature counts as made. */
export type TimestampVerdict =
  | { readonly valid: true; readonly time: number }
  | { readonly valid: false; readonly failure: TimestampFailure };

/** go-atum `EncodeTimeNonce`: uint64 big-endian time followed by the nonce. */
export function atumSignedBytes(time: number, nonce: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + nonce.length);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, BigInt(time)));
  out.set(nonce, 8);
  return out;
}

function effectiveNonce(timestamp: AtumTimestamp, nonce: Uint8Array): Uint8Array | undefined {
  if (timestamp.hashing === undefined) return nonce;
  if (timestamp.hashing.hash !== 'shake256') return undefined;
  return new Uint8Array(
    createHash('shake256', { outputLength: 64 }).update(timestamp.hashing.prefix).update(nonce).digest(),
  );
}

function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    return verify(null, message, key, signature);
  } catch {
    // not a valid curve point: no signature can verify under it
    return false;
  }
}

/** Verifies `timestamp` over `nonce` with trust limited to `trusted`. */
export function verifyAtumTimestamp(
  timestamp: AtumTimestamp,
  nonce: Uint8Array,
  trusted: TrustedTimestampKeys,
): TimestampVerdict {
  if (timestamp.alg !== 'ed25519') return { valid: false, failure: 'unsupported-algorithm' };
  const signedNonce = effectiveNonce(timestamp, nonce);
  if (signedNonce === undefined) return { valid: false, failure: 'unsupported-hashing' };
  if (!trusted.has(timestamp.publicKey)) return { valid: false, failure: 'untrusted-key' };
  const message = atumSignedBytes(timestamp.time, signedNonce);
  if (!ed25519Verify(timestamp.publicKey, message, timestamp.signature)) return { valid: false, failure: 'bad-signature' };
  return { valid: true, time: timestamp.time };
}
