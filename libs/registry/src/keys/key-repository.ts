import type { JsonWebKey } from 'node:crypto';
import type { KeyType } from './key-store.js';

/** A private key as it rests in storage: plain PKCS#8, or PKCS#8 sealed with AES-256-GCM under a scrypt key. */
export type SealedPrivateKey =
  | { readonly format: 'pkcs8'; readonly data: string }
  | {
      readonly format: 'pkcs8-aes-256-gcm';
      readonly kdf: { readonly name: 'scrypt'; readonly salt: string; readonly N: number; readonly r: number; readonly p: number };
      readonly nonce: string;
      readonly ciphertext: string;
      readonly tag: string;
    };

/** One key record; binary fields are base64url. */
export interface StoredKey {
  readonly version: 1;
  readonly kid: string;
  readonly type: KeyType;
  readonly created: string;
  readonly publicJwk: JsonWebKey;
  readonly privateKey: SealedPrivateKey;
}

/** Where key records live; a file per key today, a database table later. */
export interface KeyRepository {
  /** The record of `kid`, or undefined. */
  get(kid: string): Promise<StoredKey | undefined>;
  /** Stores a new record; CONFLICT when `kid` already exists. */
  insert(key: StoredKey): Promise<void>;
  /** Every stored kid. */
  list(): Promise<string[]>;
}
