import { modPow } from './modexp.js';

/**
 * One factor base^exp of a product; exp must be ≥ 0 (callers invert bases themselves). `fixed` marks a
 * long-lived base (an issuer key's S, R_i, Z^−1) for which an engine may keep precomputed tables.
 */
export type ExpTerm = readonly [base: bigint, exp: bigint, fixed?: boolean];

/** Computes products of modular powers. Implementations must agree with the pure-BigInt reference. */
export interface ExpEngine {
  readonly name: string;
  /** Π base_i^exp_i mod n for non-negative exponents and odd n > 1; result in [0, n). */
  multiExp(terms: readonly ExpTerm[], n: bigint): bigint;
}

/** The pure-BigInt reference engine: one windowed modPow per term. */
export const referenceEngine: ExpEngine = {
  name: 'bigint-windowed',
  multiExp(terms, n) {
    let acc = 1n % n;
    for (const [b, e] of terms) acc = (acc * modPow(b, e, n)) % n;
    return acc;
  },
};
