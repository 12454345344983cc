import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { NutshellError } from '#errors';
import type { ProofKeys } from '../seal/proof-keys.js';

/** An in-memory Ed25519 key store for tests of the means; behaves like the node's `KeyStore` for the calls means make. */
export class MemoryProofKeys implements ProofKeys {
  private readonly pairs = new Map<string, { publicKey: KeyObject; privateKey: KeyObject }>();
  /** How many keys were created, to observe "created on first use". */
  created = 0;

  async has(kid: string): Promise<boolean> {
    return this.pairs.has(kid);
  }

  async create(kid: string, _type: 'Ed25519'): Promise<object> {
    // Yield first, as a real store does I/O here, so concurrent callers can race.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.pairs.has(kid)) throw new NutshellError('CONFLICT', `key ${kid} exists`);
    const pair = generateKeyPairSync('ed25519');
    this.pairs.set(kid, pair);
    this.created += 1;
    return pair.publicKey.export({ format: 'jwk' });
  }

  async publicJwk(kid: string): Promise<object | undefined> {
    return this.pairs.get(kid)?.publicKey.export({ format: 'jwk' });
  }

  async sign(kid: string, data: Uint8Array): Promise<Uint8Array> {
    const pair = this.pairs.get(kid);
    if (pair === undefined) throw new NutshellError('KEY_NOT_FOUND', `key ${kid} not found`);
    return new Uint8Array(sign(null, data, pair.privateKey));
  }
}
