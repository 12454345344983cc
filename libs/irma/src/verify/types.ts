/**
 * Results of verifying disclosures and attribute-based signatures, shaped as irmago's session
 * result (irma-server.md §6.1) so they can be serialised as-is.
 */

import type { DisclosedAttribute, ProofStatus } from '../session/proof-verifier.js';

// The session engine owns these shapes (session/proof-verifier.ts); the verifier produces them.
export type { DisclosedAttribute, ProofStatus };

/** irmago `AttributeProofStatus`. */
export type AttributeProofStatus = DisclosedAttribute['status'];

/**
 * Why verification did not reach VALID, for logs and diagnostics only (never part of the session
 * result sent to requestors). Absent when the status is VALID.
 */
export type VerificationFailure =
  | 'malformed-proofs'
  | 'not-a-disclosure-proof'
  | 'missing-metadata'
  | 'unknown-credential-type'
  | 'unknown-public-key'
  | 'attribute-index-out-of-range'
  | 'proof-list-invalid'
  | 'nonrevocation-invalid'
  | 'nonrevocation-missing'
  | 'singleton-repeated'
  | 'empty-signature'
  | 'unmatched-request'
  | 'timestamp-invalid'
  | 'timestamp-untrusted'
  | 'attributes-missing'
  | 'credential-expired'
  | 'signed-after-key-expiry';

/** Outcome of `verifyDisclosure` / `verifySignedMessage`. */
export interface VerificationResult {
  readonly proofStatus: ProofStatus;
  /** One array per requested disjunction (null when unsatisfied), then one array of EXTRA attributes if any. */
  readonly disclosed: (DisclosedAttribute[] | null)[];
  readonly failure?: VerificationFailure;
  /** For signatures: the instant the signature counts as made (timestamp time, else now), Unix seconds. */
  readonly validAt?: number;
}
