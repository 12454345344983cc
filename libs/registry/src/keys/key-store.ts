import type { JsonWebKey } from 'node:crypto';

/** Key types the store can create; Ed25519 is the only one nutshell signs with. */
export type KeyType = 'Ed25519';

/**
 * Holds the node's private keys. Private keys never leave it: callers get public JWKs and signatures.
 * `kid` is the full verification method id, e.g. `did:web:example.com:iam:abc#key-1`.
 */
export interface KeyStore {
  /** Creates a key under `kid` and returns its public JWK; fails with CONFLICT when `kid` exists. */
  create(kid: string, type: KeyType): Promise<JsonWebKey>;
  /** Public JWK of `kid`, or undefined when unknown. */
  publicJwk(kid: string): Promise<JsonWebKey | undefined>;
  /** Whether `kid` exists. */
  has(kid: string): Promise<boolean>;
  /** Raw signature over `data` (Ed25519: 64 bytes); KEY_NOT_FOUND when unknown. */
  sign(kid: string, data: Uint8Array): Promise<Uint8Array>;
  /** Compact JWS (alg EdDSA, header `kid` set to `kid` unless given) over `payload` (bytes, or an object as JSON). */
  signJws(kid: string, payload: Uint8Array | object, header?: object): Promise<string>;
}

/** Nest injection token of the node's `KeyStore`. */
export const KEY_STORE = Symbol.for('nutshell.KeyStore');
