/**
 * A small in-memory IRMA configuration for tests, read from the shared real schemes with the
 * scheme reader. It offers what the verifier and the test prover need, synchronously, and lets a
 * test substitute a public key (e.g. irmago's test-data revocation key for its vectors).
 */
import { join } from 'node:path';
import { credentialTypeHash } from '../idemix/attributes.js';
import { parsePrivateKeyXml, type IssuerPrivateKey } from '../idemix/private-key.js';
import { parsePublicKeyXml, type IssuerPublicKey } from '../idemix/public-key.js';
import { readSchemeDirectory } from '../scheme/read-scheme.js';
import type { CredentialType, SchemeManager } from '../scheme/types.js';
import { sharedSchemesDir } from '../scheme/test-support/schemes-dir.js';

/** The configuration view of the test prover and the verifier. */
export interface TestConfiguration {
  credentialType(id: string): CredentialType | undefined;
  credentialTypeByHash(hash16: Uint8Array): CredentialType | undefined;
  scheme(id: string): SchemeManager | undefined;
  publicKey(issuerId: string, counter: number): IssuerPublicKey | undefined;
  privateKey(issuerId: string, counter: number): IssuerPrivateKey | undefined;
  /** Highest counter for which the issuer has a private key. */
  latestPrivateKeyCounter(issuerId: string): number | undefined;
  /** Replaces (or adds) a public key; for vectors made with other test keys. */
  overridePublicKey(issuerId: string, key: IssuerPublicKey): void;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Loads the given schemes (default irma-demo) from the shared `irma_configuration`, signatures checked. */
export async function loadTestConfiguration(
  schemeIds: readonly string[] = ['irma-demo'],
  schemesDir: string = sharedSchemesDir(),
): Promise<TestConfiguration> {
  const schemes = new Map<string, SchemeManager>();
  const types = new Map<string, CredentialType>();
  const byHash = new Map<string, CredentialType>();
  const publicXml = new Map<string, string>();
  const privateXml = new Map<string, ReadonlyMap<number, string>>();
  for (const id of schemeIds) {
    const loaded = await readSchemeDirectory(join(schemesDir, id));
    schemes.set(id, loaded.manager);
    for (const type of loaded.credentialTypes.values()) {
      types.set(type.id, type);
      byHash.set(hex(credentialTypeHash(type.id)), type);
    }
    for (const [issuerId, keys] of loaded.publicKeys) {
      for (const [counter, xml] of keys) publicXml.set(`${issuerId}-${counter}`, xml);
    }
    for (const [issuerId, keys] of loaded.privateKeys) privateXml.set(issuerId, keys);
  }
  const publicCache = new Map<string, IssuerPublicKey>();
  const privateCache = new Map<string, IssuerPrivateKey>();
  return {
    credentialType: (id) => types.get(id),
    credentialTypeByHash: (hash16) => byHash.get(hex(hash16)),
    scheme: (id) => schemes.get(id),
    publicKey(issuerId, counter) {
      const key = `${issuerId}-${counter}`;
      const cached = publicCache.get(key);
      if (cached !== undefined) return cached;
      const xml = publicXml.get(key);
      if (xml === undefined) return undefined;
      const parsed = parsePublicKeyXml(xml);
      publicCache.set(key, parsed);
      return parsed;
    },
    privateKey(issuerId, counter) {
      const key = `${issuerId}-${counter}`;
      const cached = privateCache.get(key);
      if (cached !== undefined) return cached;
      const xml = privateXml.get(issuerId)?.get(counter);
      if (xml === undefined) return undefined;
      const parsed = parsePrivateKeyXml(xml);
      privateCache.set(key, parsed);
      return parsed;
    },
    latestPrivateKeyCounter(issuerId) {
      const counters = [...(privateXml.get(issuerId)?.keys() ?? [])];
      return counters.length === 0 ? undefined : Math.max(...counters);
    },
    overridePublicKey(issuerId, key) {
      publicCache.set(`${issuerId}-${key.counter}`, key);
    },
  };
}
