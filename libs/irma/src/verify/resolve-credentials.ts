/**
 * Ties every ProofD to its credential type and issuer key through the disclosed metadata
 * attribute (irmago `ExtractPublicKeys`, idemix.md §2.3/§3.2).
 */
import { decodeMetadataAttribute, type MetadataAttribute } from '../idemix/attributes.js';
import type { Proof, ProofD } from '../idemix/proof.js';
import { NO_KEYSHARE_GROUP } from '../idemix/proof-list.js';
import type { IssuerPublicKey } from '../idemix/public-key.js';
import type { CredentialType, SchemeManager } from '../scheme/types.js';
import { lookup, type VerifierConfiguration } from './configuration.js';
import type { VerificationFailure } from './types.js';

/** A ProofD with everything the metadata attribute points at. */
export interface ResolvedCredential {
  readonly proof: ProofD;
  readonly metadata: MetadataAttribute;
  readonly credentialType: CredentialType;
  readonly publicKey: IssuerPublicKey;
  readonly scheme: SchemeManager | undefined;
  /** irmago's keyshare grouping: the scheme id for distributed schemes, '.' otherwise. */
  readonly keyshareGroup: string;
}

/** Outcome of `resolveCredentials`. */
export type Resolution =
  | { readonly ok: true; readonly credentials: ResolvedCredential[] }
  | { readonly ok: false; readonly failure: VerificationFailure };

/** The metadata of a ProofD, or undefined when it was not disclosed or does not decode. */
export function proofMetadata(proof: ProofD): MetadataAttribute | undefined {
  const raw = proof.aDisclosed.get(1);
  if (raw === undefined || raw === 0n) return undefined;
  try {
    return decodeMetadataAttribute(raw);
  } catch {
    return undefined;
  }
}

/** Resolves every proof; the first proof that cannot be resolved decides the failure. */
export async function resolveCredentials(proofs: readonly Proof[], configuration: VerifierConfiguration): Promise<Resolution> {
  const credentials: ResolvedCredential[] = [];
  for (const proof of proofs) {
    if (proof.kind !== 'D') return { ok: false, failure: 'not-a-disclosure-proof' };
    const metadata = proofMetadata(proof);
    if (metadata === undefined) return { ok: false, failure: 'missing-metadata' };
    const credentialType = await lookup(() => configuration.credentialTypeByHash(metadata.credentialTypeHash));
    if (credentialType === undefined) return { ok: false, failure: 'unknown-credential-type' };
    const issuerId = `${credentialType.schemeId}.${credentialType.issuerId}`;
    const publicKey = await lookup(() => configuration.publicKey(issuerId, metadata.keyCounter));
    if (publicKey === undefined) return { ok: false, failure: 'unknown-public-key' };
    const scheme = await lookup(() => configuration.scheme(credentialType.schemeId));
    const distributed = scheme?.keyshareServer !== undefined && scheme.keyshareServer !== '';
    credentials.push({
      proof,
      metadata,
      credentialType,
      publicKey,
      scheme,
      keyshareGroup: distributed ? credentialType.schemeId : NO_KEYSHARE_GROUP,
    });
  }
  return { ok: true, credentials };
}
