/**
 * irmago's `Disclosure.VerifyAgainstRequest` (idemix.md §5.5): cryptography, per-credential
 * checks, request matching, expiry — in that order, the first failure deciding the status.
 * Shared by disclosures and attribute-based signatures.
 */
import { metadataExpiry } from '../idemix/attributes.js';
import type { ProofVerifierPool } from '../idemix/pool/proof-verifier-pool.js';
import type { Proof } from '../idemix/proof.js';
import type { AttributeConDisCon, RevocationRequest } from '../request/types.js';
import type { VerifierConfiguration } from './configuration.js';
import type { DisclosedAttributeIndex, RevocationFacts } from './disclosed-attribute.js';
import { resolveCredentials, type ResolvedCredential } from './resolve-credentials.js';
import { satisfyRequest } from './satisfy-request.js';
import type { VerificationFailure, VerificationResult } from './types.js';
import { verifyCryptography, type ChallengeInputs } from './verify-cryptography.js';

/** irmago's default revocation tolerance: an accumulator may be 10 minutes old. */
export const DEFAULT_REVOCATION_TOLERANCE_SECONDS = 600;

/** The parts of a disclosure or signature request that verification looks at. */
export interface RequestConstraints {
  readonly disclose: AttributeConDisCon;
  readonly skipExpiryCheck?: readonly string[];
  readonly revocation?: RevocationRequest;
}

/** Everything `verifyAgainstRequest` needs. */
export interface VerifyAgainstRequestInput extends ChallengeInputs {
  readonly proofs: readonly Proof[];
  readonly indices: readonly (readonly DisclosedAttributeIndex[])[];
  readonly request?: RequestConstraints;
  readonly configuration: VerifierConfiguration;
  /** Unix seconds at which validity is judged (now, or the timestamp time of a signature). */
  readonly validAt: number;
  /** Worker pool for the cryptographic list check; in-thread without one. */
  readonly pool?: ProofVerifierPool;
}

function invalid(failure: VerificationFailure): VerificationResult {
  return { proofStatus: 'INVALID', disclosed: [], failure };
}

type PerCredential =
  | { readonly ok: true; readonly revocation: Map<number, RevocationFacts> }
  | { readonly ok: false; readonly failure: VerificationFailure };

function perCredentialChecks(
  credentials: readonly ResolvedCredential[],
  accumulators: ReadonlyMap<number, RevocationFacts['accumulator']>,
  request: RequestConstraints | undefined,
  validAt: number,
): PerCredential {
  const singletons = new Set<string>();
  const revocation = new Map<number, RevocationFacts>();
  for (const [position, credential] of credentials.entries()) {
    const typeId = credential.credentialType.id;
    if (credential.credentialType.singleton) {
      if (singletons.has(typeId)) return { ok: false, failure: 'singleton-repeated' };
      singletons.add(typeId);
    }
    const required = request?.revocation?.[typeId];
    const accumulator = accumulators.get(position);
    if (accumulator === undefined) {
      if (required !== undefined) return { ok: false, failure: 'nonrevocation-missing' };
      continue;
    }
    const tolerance = required?.tolerance || DEFAULT_REVOCATION_TOLERANCE_SECONDS;
    const stale = validAt - accumulator.time > tolerance;
    revocation.set(position, { accumulator, ...(stale ? { notRevokedBefore: accumulator.time } : {}) });
  }
  return { ok: true, revocation };
}

function expiryFailure(
  credentials: readonly ResolvedCredential[],
  skipExpiryCheck: readonly string[],
  validAt: number,
): VerificationFailure | undefined {
  for (const { credentialType, metadata, publicKey } of credentials) {
    const expiry = metadataExpiry(metadata).getTime() / 1000;
    if (!skipExpiryCheck.includes(credentialType.id) && expiry < validAt) return 'credential-expired';
    if (metadata.signingDate.getTime() / 1000 > publicKey.expiryDate) return 'signed-after-key-expiry';
  }
  return undefined;
}

/** Verifies proofs against an optional request; never throws for bad proofs, only reports a status. */
export async function verifyAgainstRequest(input: VerifyAgainstRequestInput): Promise<VerificationResult> {
  const { proofs, indices, request, configuration, validAt } = input;
  let credentials: ResolvedCredential[] = [];
  let revocation = new Map<number, RevocationFacts>();
  // irmago accepts an empty proof list here; whether that satisfies the request is decided below.
  if (proofs.length > 0) {
    const resolution = await resolveCredentials(proofs, configuration);
    if (!resolution.ok) return invalid(resolution.failure);
    credentials = resolution.credentials;
    const crypto = await verifyCryptography(credentials, input, input.pool);
    if (!crypto.ok) return invalid(crypto.failure);
    const checks = perCredentialChecks(credentials, crypto.accumulators, request, validAt);
    if (!checks.ok) return invalid(checks.failure);
    revocation = checks.revocation;
  }
  const satisfaction = satisfyRequest(request?.disclose ?? [], indices, credentials, revocation);
  if (!satisfaction.ok) return invalid('attribute-index-out-of-range');
  const { disclosed } = satisfaction;
  if (!satisfaction.complete) return { proofStatus: 'MISSING_ATTRIBUTES', disclosed, failure: 'attributes-missing' };
  const expired = expiryFailure(credentials, request?.skipExpiryCheck ?? [], validAt);
  if (expired !== undefined) return { proofStatus: 'EXPIRED', disclosed, failure: expired };
  return { proofStatus: 'VALID', disclosed };
}
