/**
 * The nonrevocation proof's share of the Fiat–Shamir challenge (gabi `revocation.Proof.
 * ChallengeContributions`, idemix.md §9.2). Pure: the list verifier appends the result right
 * after the `[A', Ẑ]` of the ProofD that carries the proof.
 */
import type { ExpEngine } from '../idemix/exp-engine.js';
import { defaultEngine } from '../idemix/fast-modexp.js';
import { modInverse } from '../idemix/modexp.js';
import type { NonRevocationResponses } from './nonrev-proof.js';

/** gabi's bound on the revocation-attribute response: B·2^(k'+k''+1) = 2^(195+256+128+1). */
export const NONREV_ALPHA_BOUND = 1n << 580n;

/** Inputs of `nonrevContributions`; `alpha` is the ProofD's response for the revocation attribute. */
export interface NonrevContributionInput {
  readonly n: bigint;
  readonly G: bigint;
  readonly H: bigint;
  readonly cr: bigint;
  readonly cu: bigint;
  /** Accumulator value from the verified signed accumulator. */
  readonly nu: bigint;
  readonly challenge: bigint;
  readonly alpha: bigint;
  readonly responses: NonRevocationResponses;
}

/**
 * `[C_r, C_u, Nu, t_r, t_nu, t_one]` with
 * t_r = C_r^(−c)·G^ε·H^ζ, t_nu = Nu^(−c)·C_u^α·H^(−β), t_one = C_r^α·G^(−β)·H^(−δ) (mod n).
 * Throws RangeError when a base is not invertible mod n (then the proof cannot be valid).
 */
export function nonrevContributions(input: NonrevContributionInput, engine: ExpEngine = defaultEngine): bigint[] {
  const { n, G, H, cr, cu, nu, challenge: c, alpha, responses } = input;
  if ([c, alpha, ...Object.values(responses)].some((value) => value < 0n)) throw new RangeError('negative exponent');
  // Negative exponents become positive ones on inverted bases, so the engine's multi-exponentiation applies.
  const crInverse = modInverse(cr, n);
  const gInverse = modInverse(G, n);
  const hInverse = modInverse(H, n);
  const tR = engine.multiExp([[crInverse, c], [G, responses.epsilon], [H, responses.zeta]], n);
  const tNu = engine.multiExp([[modInverse(nu, n), c], [cu, alpha], [hInverse, responses.beta]], n);
  const tOne = engine.multiExp([[cr, alpha], [gInverse, responses.beta], [hInverse, responses.delta]], n);
  return [cr, cu, nu, tR, tNu, tOne];
}
