import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { NutshellError } from '#errors';
import type { ProofKeys } from '../seal/proof-keys.js';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** An in-memory Ed25519 key store for tests of the means; behaves like the node's `KeyStore` for the calls means make. */
export class MemoryProofKeys implements ProofKeys {
  private readonly pairs = new Map<string, KeyPair>();
  /** How many keys were created, to observe "created on first use". */
  created = 0;

  async has(kid: string): Promise<boolean> {
    return this.pairs.has(kid);
  }

  async create(kid: string, _type: 'Ed25519'): Promise<object> {
    if (this.pairs.has(kid)) throw new NutshellError('CONFLICT', `key ${kid} exists`);
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    if (this.pairs.has(kid)) throw new NutshellError('CONFLICT', `key ${kid} exists`);
    this.pairs.set(kid, pair);
    this.created += 1;
    return exportJWK(pair.publicKey);
  }

  async publicJwk(kid: string): Promise<object | undefined> {
    const pair = this.pairs.get(kid);
    return pair === undefined ? undefined : exportJWK(pair.publicKey);
  }

  async signJws(kid: string, payload: Uint8Array | object, header: object = {}): Promise<string> {
    const pair = this.pairs.get(kid);
    if (pair === undefined) throw new NutshellError('KEY_NOT_FOUND', `key ${kid} not found`);
    const bytes = payload instanceof Uint8Array ? payload : new TextEncoder().encode(JSON.stringify(payload));
    return new CompactSign(bytes).setProtectedHeader({ kid, ...header, alg: 'EdDSA' }).sign(pair.privateKey);
  }
}
