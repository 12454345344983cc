/**
 * Checking the Atum timestamp of a signed message (irmago `SignedMessage.VerifyTimestamp`,
 * idemix.md §6.3): rebuild the nonce from the proofs and the message, then check the Ed25519
 * signature under a pinned key. Trust is configuration only, never a network lookup.
 */
import { representToPublicKey } from '../idemix/represent.js';
import type { AtumTimestamp } from '../timestamp/atum-timestamp.js';
import { timestampNonce, type TimestampDisclosed } from '../timestamp/timestamp-nonce.js';
import type { TrustedTimestampKeys } from '../timestamp/trusted-keys.js';
import { verifyAtumTimestamp, type TimestampFailure } from '../timestamp/verify-timestamp.js';
import type { ResolvedCredential } from './resolve-credentials.js';

/** Outcome of `checkSignatureTimestamp`. */
export type SignatureTimestampVerdict =
  | { readonly valid: true; readonly time: number }
  | { readonly valid: false; readonly failure: TimestampFailure | 'unusable-credentials' };

/** The full gabi attribute vector of a credential, 0 where not disclosed (secret key included). */
function disclosedVector(credential: ResolvedCredential): bigint[] {
  const count = credential.credentialType.attributes.length + 2;
  return Array.from({ length: count }, (_, j) => credential.proof.aDisclosed.get(j) ?? 0n);
}

function disclosedPart(version: 1 | 2, credentials: readonly ResolvedCredential[]): TimestampDisclosed | undefined {
  if (version === 1) return { version: 1, vectors: credentials.map(disclosedVector) };
  const dlreps: bigint[] = [];
  for (const credential of credentials) {
    const value = representToPublicKey(credential.publicKey, disclosedVector(credential));
    if (value === undefined) return undefined;
    dlreps.push(value);
  }
  return { version: 2, dlreps };
}

/** One timestamp server for all credentials, as irmago requires; false when a scheme has none. */
function singleTimestampServer(credentials: readonly ResolvedCredential[]): boolean {
  const servers = new Set(credentials.map((credential) => credential.scheme?.timestampServer ?? ''));
  return servers.size <= 1 && !servers.has('');
}

/** Verifies `timestamp` for a signature over `message` by `credentials` (in proof-list order). */
export function checkSignatureTimestamp(
  timestamp: AtumTimestamp,
  version: 1 | 2,
  message: string,
  credentials: readonly ResolvedCredential[],
  trusted: TrustedTimestampKeys,
): SignatureTimestampVerdict {
  if (!singleTimestampServer(credentials)) return { valid: false, failure: 'unusable-credentials' };
  const disclosed = disclosedPart(version, credentials);
  if (disclosed === undefined) return { valid: false, failure: 'unusable-credentials' };
  const sigs = credentials.map((credential) => credential.proof.A);
  const nonce = timestampNonce(message, sigs, disclosed);
  return verifyAtumTimestamp(timestamp, nonce, trusted);
}
