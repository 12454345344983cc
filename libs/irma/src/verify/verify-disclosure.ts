/**
 * Verifying a disclosure (irmago `Disclosure.Verify`): the proofs must answer the request's
 * challenge (`context`, `nonce`, no signature flag) and satisfy its condiscon.
 */
import type { ProofVerifierPool } from '../idemix/pool/proof-verifier-pool.js';
import type { Proof } from '../idemix/proof.js';
import type { VerifierConfiguration } from './configuration.js';
import type { DisclosedAttributeIndex } from './disclosed-attribute.js';
import { parseDisclosure } from './disclosure-json.js';
import type { VerificationResult } from './types.js';
import { verifyAgainstRequest, type RequestConstraints } from './verify-against-request.js';

/** A disclosure request as far as verification is concerned (I3's `DisclosureRequest` fits). */
export interface DisclosureRequestLike extends RequestConstraints {
  readonly context?: bigint;
  readonly nonce?: bigint;
}

/** Input of `verifyDisclosure`: either parsed `proofs` (+ `indices`) or the raw posted `body`. */
export type VerifyDisclosureInput = {
  readonly request?: DisclosureRequestLike;
  readonly configuration: VerifierConfiguration;
  /** Validity instant; defaults to the current time. */
  readonly now?: Date;
  /** Worker pool for the cryptographic list check; in-thread without one. */
  readonly pool?: ProofVerifierPool;
} & (
  | { readonly proofs: readonly Proof[]; readonly indices?: readonly (readonly DisclosedAttributeIndex[])[] }
  | { readonly body: unknown }
);

/** Unix seconds of a Date (or of the current time). */
export function unixSeconds(date: Date = new Date()): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Verifies a disclosure against an optional request. Context and nonce default to irmago's
 * (1 and 0) when no request is given. Never throws for bad proofs: the status says what is wrong.
 */
export async function verifyDisclosure(input: VerifyDisclosureInput): Promise<VerificationResult> {
  let proofs: readonly Proof[];
  let indices: readonly (readonly DisclosedAttributeIndex[])[];
  if ('body' in input) {
    const parsed = parseDisclosure(input.body);
    if (parsed === undefined) return { proofStatus: 'INVALID', disclosed: [], failure: 'malformed-proofs' };
    ({ proofs, indices } = parsed);
  } else {
    proofs = input.proofs;
    indices = input.indices ?? [];
  }
  return verifyAgainstRequest({
    proofs,
    indices,
    ...(input.request !== undefined ? { request: input.request } : {}),
    configuration: input.configuration,
    context: input.request?.context ?? 1n,
    nonce: input.request?.nonce ?? 0n,
    issig: false,
    validAt: unixSeconds(input.now),
    pool: input.pool,
  });
}
