/**
 * Everything a verifier checks about one ProofD's nonrevocation proof except the shared challenge
 * equality (idemix.md §9.2): key support, the signed accumulator, the `alpha` bound, and the
 * challenge contributions that must be hashed with the rest of the list.
 */
import type { IssuerPublicKey } from '../idemix/public-key.js';
import { NONREV_ALPHA_BOUND, nonrevContributions } from './contributions.js';
import type { NonRevocationProof } from './nonrev-proof.js';
import { verifySignedAccumulator, type Accumulator } from './signed-accumulator.js';

/** Why a nonrevocation proof was rejected. */
export type NonrevFailure =
  | 'key-without-revocation'
  | 'accumulator-key-mismatch'
  | 'accumulator-signature'
  | 'alpha-out-of-range'
  | 'not-invertible';

/** Result of `checkNonRevocation`. */
export type NonrevCheck =
  | { readonly ok: true; readonly contributions: bigint[]; readonly accumulator: Accumulator }
  | { readonly ok: false; readonly failure: NonrevFailure };

/** Inputs: the credential's public key, the proof, the list challenge `c` and the ProofD's revocation response. */
export interface NonrevCheckInput {
  readonly pk: IssuerPublicKey;
  readonly proof: NonRevocationProof;
  readonly challenge: bigint;
  readonly alpha: bigint;
}

/** Verifies the parts of a nonrevocation proof that do not depend on the other proofs in the list. */
export function checkNonRevocation({ pk, proof, challenge, alpha }: NonrevCheckInput): NonrevCheck {
  if (pk.G === undefined || pk.H === undefined || pk.ecdsa === undefined) {
    return { ok: false, failure: 'key-without-revocation' };
  }
  if (proof.sacc.pkCounter !== pk.counter) return { ok: false, failure: 'accumulator-key-mismatch' };
  if (alpha < 0n || alpha >= NONREV_ALPHA_BOUND) return { ok: false, failure: 'alpha-out-of-range' };
  const accumulator = verifySignedAccumulator(proof.sacc, pk.ecdsa);
  if (accumulator === undefined) return { ok: false, failure: 'accumulator-signature' };
  try {
    const contributions = nonrevContributions({
      n: pk.n,
      G: pk.G,
      H: pk.H,
      cr: proof.cr,
      cu: proof.cu,
      nu: accumulator.nu,
      challenge,
      alpha,
      responses: proof.responses,
    });
    return { ok: true, contributions, accumulator };
  } catch {
    return { ok: false, failure: 'not-invertible' };
  }
}
