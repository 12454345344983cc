/**
 * Results of verifying disclosures and attribute-based signatures, shaped as irmago's session
 * result (irma-server.md §6.1) so they can be serialised as-is.
 */

/** irmago `ProofStatus`. */
export type ProofStatus = 'VALID' | 'INVALID' | 'INVALID_TIMESTAMP' | 'UNMATCHED_REQUEST' | 'MISSING_ATTRIBUTES' | 'EXPIRED';

/** irmago `AttributeProofStatus`. */
export type AttributeProofStatus = 'PRESENT' | 'EXTRA' | 'NULL';

/** One disclosed attribute (irmago `DisclosedAttribute`); JSON field names as irmago's. */
export interface DisclosedAttribute {
  /** Decoded value; "present" for a disclosed credential (metadata); null for an absent optional attribute. */
  readonly rawvalue: string | null;
  /** The raw value under "", "en" and "nl"; null when rawvalue is null. */
  readonly value: Readonly<Record<string, string>> | null;
  /** Attribute id, or the credential type id when the metadata attribute stands for the credential. */
  readonly id: string;
  readonly status: AttributeProofStatus;
  /** Unix seconds: the credential's signing date (start of its Unix week). */
  readonly issuancetime: number;
  /** Present (true) only when the credential came with a valid nonrevocation proof. */
  readonly notrevoked?: boolean;
  /** Unix seconds of the accumulator, present only when it is older than the tolerance allows. */
  readonly notrevokedbefore?: number;
}

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
