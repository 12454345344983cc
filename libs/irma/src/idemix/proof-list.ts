import { exponentForAttribute } from './attributes.js';
import { bitLength } from './bigint.js';
import { type ExpEngine, type ExpTerm } from './exp-engine.js';
import { defaultEngine } from './fast-modexp.js';
import { createChallenge } from './hash.js';
import { gcd, modInverse } from './modexp.js';
import type { Proof, ProofD, ProofU } from './proof.js';
import { secretKeyResponse } from './proof.js';
import type { IssuerPublicKey } from './public-key.js';

/** Keyshare group label of credentials whose scheme has no keyshare server (irmago). */
export const NO_KEYSHARE_GROUP = '.';

/**
 * Bound on the bit length of responses that gabi leaves unchecked (v_response, s_response, m_user_responses).
 * Honest values stay well below it (v̂ < 2^(LvCommit+1), ŝ < 2^642); it only stops absurd exponents.
 */
const UNCHECKED_RESPONSE_SLACK_BITS = 64;

interface KeyCache {
  readonly Z: bigint;
  readonly zInverse: bigint;
}

/** Z^(−1) per modulus, so callers that re-parse keys still skip the inverse; bounded like the tables. */
const keyCaches = new Map<bigint, KeyCache>();
const MAX_KEY_CACHES = 256;

function keyCache(pk: IssuerPublicKey): KeyCache | undefined {
  const hit = keyCaches.get(pk.n);
  if (hit && hit.Z === pk.Z) return hit;
  let kc: KeyCache;
  try {
    kc = { Z: pk.Z, zInverse: modInverse(pk.Z, pk.n) };
  } catch {
    return undefined;
  }
  if (keyCaches.size >= MAX_KEY_CACHES) keyCaches.delete(keyCaches.keys().next().value!);
  keyCaches.set(pk.n, kc);
  return kc;
}

/**
 * Checks the `nonrev_proof` of the ProofD at `position` of the list against the list challenge `c` and returns its
 * share of the challenge, hashed right after that proof's [A, Ẑ] (idemix.md §9.2); undefined rejects the list.
 */
export type NonrevContributions = (proof: ProofD, position: number, c: bigint) => readonly bigint[] | undefined;

/** Options of one list verification. */
export interface VerifyOptions {
  /** Exponentiation engine; the fastest measured one by default. */
  readonly engine?: ExpEngine;
  /** Verifier of nonrevocation proofs (revocation/verify-proof-list.ts); without it a ProofD carrying one is refused. */
  readonly nonrev?: NonrevContributions;
}

/**
 * [A, Ẑ] of a ProofD, its `nonrev_proof` left to the caller. Ẑ is computed as
 * (Z^(−1)·Π_D R_i^(a'_i))^c·A^(ê + c·2^(Le−1))·S^v̂·Π_H R_i^(â_i), which equals gabi's K^(−c)·A^ê·S^v̂·Π_H R_i^(â_i)
 * without a per-proof inverse (Z^(−1) is cached per modulus).
 */
function disclosureContributions(proof: ProofD, pk: IssuerPublicKey, c: bigint, engine: ExpEngine): bigint[] | undefined {
  const { n, S, R, params } = pk;
  if (c < 0n || proof.rangeProofs !== undefined) return undefined;
  if (proof.A <= 1n || proof.A >= n || gcd(proof.A, n) !== 1n) return undefined;
  if (bitLength(proof.eResponse) > params.LeCommit + 1) return undefined;
  if (bitLength(proof.vResponse) > params.LvCommit + UNCHECKED_RESPONSE_SLACK_BITS) return undefined;
  if (!proof.aResponses.has(0)) return undefined;
  const kc = keyCache(pk);
  if (!kc) return undefined;
  // W = Z^(−1)·Π_D R_i^(a'_i), so that the whole known part costs one exponentiation by c.
  const known: ExpTerm[] = [];
  for (const [i, a] of proof.aDisclosed) {
    if (i >= R.length) return undefined;
    known.push([R[i]!, exponentForAttribute(a, params.Lm), true]);
  }
  const W = (kc.zInverse * engine.multiExp(known, n)) % n;
  const terms: ExpTerm[] = [
    [W, c],
    [proof.A, proof.eResponse + (c << BigInt(params.Le - 1))],
    [S, proof.vResponse, true],
  ];
  for (const [i, a] of proof.aResponses) {
    if (i >= R.length || proof.aDisclosed.has(i)) return undefined;
    if (bitLength(a) > params.LmCommit + 1) return undefined;
    terms.push([R[i]!, a, true]);
  }
  return [proof.A, engine.multiExp(terms, n)];
}

/**
 * The challenge contribution [A, Ẑ] of one ProofD (§5.3) with every structural check; undefined when a
 * check fails or the proof carries a nonrevocation proof (only a list verification with `nonrev` takes those).
 */
export function proofDContributions(proof: ProofD, pk: IssuerPublicKey, c: bigint, engine: ExpEngine = defaultEngine): bigint[] | undefined {
  return proof.nonrevProof !== undefined ? undefined : disclosureContributions(proof, pk, c, engine);
}

/** [A, Ẑ] followed by the nonrevocation share of a ProofD that carries a `nonrev_proof`. */
function revocableContributions(
  proof: ProofD,
  position: number,
  pk: IssuerPublicKey,
  c: bigint,
  engine: ExpEngine,
  nonrev: NonrevContributions | undefined,
): bigint[] | undefined {
  if (proof.nonrevProof !== undefined && nonrev === undefined) return undefined;
  const base = disclosureContributions(proof, pk, c, engine);
  if (base === undefined || proof.nonrevProof === undefined) return base;
  const extra = nonrev!(proof, position, c);
  return extra === undefined ? undefined : [...base, ...extra];
}

/** The challenge contribution [U, Ũ] of one ProofU (§7.2) with its checks; undefined when a check fails. */
export function proofUContributions(proof: ProofU, pk: IssuerPublicKey, c: bigint, engine: ExpEngine = defaultEngine): bigint[] | undefined {
  const { n, S, R, params } = pk;
  if (c < 0n || proof.U <= 1n || proof.U >= n) return undefined;
  if (bitLength(proof.vPrimeResponse) > params.LvPrimeCommit + 1) return undefined;
  const responseBound = params.LmCommit + UNCHECKED_RESPONSE_SLACK_BITS;
  if (bitLength(proof.sResponse) > responseBound) return undefined;
  let uInverse: bigint;
  try {
    uInverse = modInverse(proof.U, n);
  } catch {
    return undefined;
  }
  const terms: ExpTerm[] = [
    [uInverse, c],
    [S, proof.vPrimeResponse, true],
    [R[0]!, proof.sResponse, true],
  ];
  for (const [i, m] of proof.mUserResponses ?? new Map<number, bigint>()) {
    if (i === 0 || i >= R.length || bitLength(m) > responseBound) return undefined;
    terms.push([R[i]!, m, true]);
  }
  return [proof.U, engine.multiExp(terms, n)];
}

/** Contribution of any proof to the list challenge, or undefined when the proof is structurally unacceptable. */
export function proofContributions(proof: Proof, pk: IssuerPublicKey, c: bigint, engine: ExpEngine = defaultEngine): bigint[] | undefined {
  return proof.kind === 'D' ? proofDContributions(proof, pk, c, engine) : proofUContributions(proof, pk, c, engine);
}

/**
 * Verifies a gabi ProofList (§5.4): one key per proof, one challenge for the whole list, and equal secret-key
 * responses within each keyshare group ('.' = no keyshare server, the default for every proof); nonrevocation
 * proofs only through `options.nonrev`. Returns false, never throws, for a well-parsed but wrong proof list.
 */
export function verifyProofList(
  proofs: readonly Proof[],
  keys: readonly IssuerPublicKey[],
  context: bigint,
  nonce: bigint,
  issig: boolean,
  keyshareGroups?: readonly string[],
  options: VerifyOptions = {},
): boolean {
  if (proofs.length === 0 || keys.length !== proofs.length) return false;
  if (keyshareGroups !== undefined && keyshareGroups.length !== proofs.length) return false;
  if (context < 0n || nonce < 0n) return false;
  const engine = options.engine ?? defaultEngine;
  const c = proofs[0]!.c;
  // gabi requires every proof's c to equal the recomputed challenge, so they must all be equal to each other.
  if (proofs.some((p) => p.c !== c)) return false;
  const groups = new Map<string, bigint>();
  for (let i = 0; i < proofs.length; i++) {
    const s = secretKeyResponse(proofs[i]!);
    if (s === undefined) return false;
    const g = keyshareGroups?.[i] ?? NO_KEYSHARE_GROUP;
    const seen = groups.get(g);
    if (seen === undefined) groups.set(g, s);
    else if (seen !== s) return false;
  }
  const contributions: bigint[] = [];
  for (let i = 0; i < proofs.length; i++) {
    const proof = proofs[i]!;
    const contrib =
      proof.kind === 'D'
        ? revocableContributions(proof, i, keys[i]!, c, engine, options.nonrev)
        : proofUContributions(proof, keys[i]!, c, engine);
    if (!contrib) return false;
    contributions.push(...contrib);
  }
  return createChallenge(context, nonce, contributions, issig) === c;
}
