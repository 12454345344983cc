/**
 * A stand-in Atum timestamp server for tests: an Ed25519 key whose public half the verifier is
 * told to trust, signing `uint64_BE(time) ‖ nonce` as go-atum does.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { atumSignedBytes } from '../timestamp/verify-timestamp.js';

/** A test timestamp server key. */
export interface TestAtumKey {
  readonly privateKey: KeyObject;
  /** Raw 32-byte public key. */
  readonly publicKey: Uint8Array;
  /** Standard base64 of the public key, as given to `--trust-timestamp-key`. */
  readonly publicKeyBase64: string;
}

/** Go-style JSON of an Atum timestamp (`Time`, `ServerUrl`, `Sig{Alg, Data, PublicKey}`). */
export interface AtumTimestampJson {
  Time: number;
  ServerUrl: string;
  Sig: { Alg: string; Data: string; PublicKey: string };
}

/** Generates a fresh Ed25519 timestamp key. */
export function createTestAtumKey(): TestAtumKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  return { privateKey, publicKey: raw, publicKeyBase64: Buffer.from(raw).toString('base64') };
}

/** Signs `nonce` at `time` (Unix seconds) like an Atum server. */
export function stampNonce(key: TestAtumKey, nonce: Uint8Array, time: number, serverUrl = 'https://atum.test/'): AtumTimestampJson {
  const signature = sign(null, atumSignedBytes(time, nonce), key.privateKey);
  return {
    Time: time,
    ServerUrl: serverUrl,
    Sig: { Alg: 'ed25519', Data: signature.toString('base64'), PublicKey: key.publicKeyBase64 },
  };
}
