import type { DisclosureRequest, SignatureRequest } from '../request/index.js';

/** Outcome of checking proofs against a request (§6.1), in irmago's names. */
export type ProofStatus = 'VALID' | 'INVALID' | 'INVALID_TIMESTAMP' | 'UNMATCHED_REQUEST' | 'MISSING_ATTRIBUTES' | 'EXPIRED';

/** One disclosed attribute as the result JSON carries it. */
export interface DisclosedAttribute {
  /** Attribute id, or credential id for a metadata (credential) request. */
  readonly id: string;
  /** Null for an absent optional attribute. */
  readonly rawvalue: string | null;
  /** The raw value per language (`""`, `en`, `nl`); irmago writes null when rawvalue is null. */
  readonly value: Record<string, string> | null;
  readonly status: 'PRESENT' | 'EXTRA' | 'NULL';
  /** Unix seconds, floored to the metadata epoch. */
  readonly issuancetime: number;
  readonly notrevoked?: boolean;
  readonly notrevokedbefore?: number;
}

/** What verification yields. `disclosed` holds one entry per disjunction: [] skipped, null unsatisfied (irmago). */
export interface SessionResultProof {
  readonly proofStatus: ProofStatus;
  readonly disclosed: (DisclosedAttribute[] | null)[];
  /** The SignedMessage as posted, for signature sessions. */
  readonly signature?: unknown;
}

/**
 * The cryptographic check behind POST /proofs, kept behind an interface so the session engine
 * does not depend on Idemix. Throw NutshellError('IRMA_MALFORMED_INPUT') for bodies that cannot
 * be parsed (the session survives), 'IRMA_UNKNOWN_PUBLIC_KEY' for unknown keys (it is cancelled);
 * anything else thrown cancels the session with EXCEPTION. Non-VALID proofs are a result, not an error.
 */
export interface ProofVerifier {
  verifyDisclosure(request: DisclosureRequest, body: unknown): Promise<SessionResultProof>;
  verifySignature(request: SignatureRequest, body: unknown): Promise<SessionResultProof>;
}
