import type { ErrorCode } from '#errors';

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
}

/** Main thread → worker. */
export interface VerifyRequest {
  readonly id: number;
  readonly args: VerifyArgs;
}

/** Worker → main thread. */
export type VerifyReply =
  | { readonly id: number; readonly ok: true; readonly verdict: boolean }
  | { readonly id: number; readonly ok: false; readonly code: ErrorCode; readonly detail: string };
