import type { ErrorCode } from '#errors';
import type { ProofListVerdict } from '../../revocation/verify-proof-list.js';

/** An issuer public key in structured-clone-safe form: big integers as decimal strings. */
export interface SerializedPublicKey {
  readonly counter: number;
  readonly expiryDate: number;
  readonly n: string;
  readonly Z: string;
  readonly S: string;
  readonly R: readonly string[];
  readonly G?: string;
  readonly H?: string;
  readonly ecdsa?: string;
}

/** Inputs of one proof-list verification, safe to post to a worker. */
export interface VerifyArgs {
  /** The proof list exactly as received (gabi JSON: an array of proofs). */
  readonly proofList: unknown;
  /** One key per proof. */
  readonly keys: readonly SerializedPublicKey[];
  /** Decimal strings. */
  readonly context: string;
  readonly nonce: string;
  readonly issig: boolean;
  /** Keyshare group per proof ('.' = none); all '.' when absent. */
  readonly keyshareGroups?: readonly string[];
  /**
   * Per proof, its credential type's revocation attribute index (scheme numbering), null when it has none.
   * Needed only for proofs carrying a `nonrev_proof`; without it such proofs fail as nonrevocation-invalid.
   */
  readonly revocationIndices?: readonly (number | null)[];
}

/** Main thread → worker. */
export interface VerifyRequest {
  readonly id: number;
  readonly args: VerifyArgs;
}

/** Worker → main thread (the verdict's Map, bigints and byte arrays survive structured cloning). */
export type VerifyReply =
  | { readonly id: number; readonly ok: true; readonly verdict: ProofListVerdict }
  | { readonly id: number; readonly ok: false; readonly code: ErrorCode; readonly detail: string };
