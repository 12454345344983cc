import { checkPrimeSync } from 'node:crypto';
import { NutshellError } from '#errors';
import { exponentForAttribute } from './attributes.js';
import { bitLength, encodeBigB64, randomBelow, randomBigInt } from './bigint.js';
import { type ExpEngine } from './exp-engine.js';
import { defaultEngine } from './fast-modexp.js';
import { hashCommit } from './hash.js';
import { gcd, modInverse, modPow } from './modexp.js';
import { parseBigValue } from './proof.js';
import { privateKeyOrder, type IssuerPrivateKey } from './private-key.js';
import type { IssuerPublicKey } from './public-key.js';

/** A CL signature (gabi `CLSignature`); `v` is v'' in an issuance message and the full v in a credential. */
export interface ClSignature {
  readonly A: bigint;
  readonly e: bigint;
  readonly v: bigint;
  /** R_0^(m_kss) for distributed schemes (§8.3). */
  readonly keyshareP?: bigint;
}

/** The issuer's proof of correctness (gabi `ProofS`). */
export interface ProofS {
  readonly c: bigint;
  readonly eResponse: bigint;
}

const malformed = (detail: string): never => {
  throw new NutshellError('IRMA_MALFORMED_INPUT', detail);
};

function obj(json: unknown, what: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return malformed(`${what} must be an object`);
  return json as Record<string, unknown>;
}

function req(o: Record<string, unknown>, k: string): bigint {
  const v = o[k];
  if (v === undefined || v === null) return malformed(`missing ${k}`);
  return parseBigValue(v, k);
}

/** Parses gabi's CLSignature JSON `{A, e, v, KeyshareP}`. */
export function parseClSignature(json: unknown): ClSignature {
  const o = obj(json, 'signature');
  const kp = o['KeyshareP'];
  return {
    A: req(o, 'A'),
    e: req(o, 'e'),
    v: req(o, 'v'),
    ...(kp !== undefined && kp !== null ? { keyshareP: parseBigValue(kp, 'KeyshareP') } : {}),
  };
}

/** Parses gabi's ProofS JSON `{c, e_response}`. */
export function parseProofS(json: unknown): ProofS {
  const o = obj(json, 'ProofS');
  return { c: req(o, 'c'), eResponse: req(o, 'e_response') };
}

/** Serialises a CL signature as gabi does. */
export function serializeClSignature(s: ClSignature): Record<string, unknown> {
  return { A: encodeBigB64(s.A), e: encodeBigB64(s.e), v: encodeBigB64(s.v), KeyshareP: s.keyshareP === undefined ? null : encodeBigB64(s.keyshareP) };
}

/** Serialises a ProofS as gabi does. */
export function serializeProofS(p: ProofS): Record<string, unknown> {
  return { c: encodeBigB64(p.c), e_response: encodeBigB64(p.eResponse) };
}

/** Client-side check of the issuer's ProofS (§7.4): HashCommit([context, A^e, A, n_2, A^(c + ê·e)]) == c. */
export function verifyProofS(pk: IssuerPublicKey, signature: ClSignature, proof: ProofS, context: bigint, nonce2: bigint, engine: ExpEngine = defaultEngine): boolean {
  const { n } = pk;
  if (signature.A <= 1n || signature.A >= n || signature.e <= 0n || proof.c < 0n || proof.eResponse < 0n) return false;
  if (bitLength(signature.e) > pk.params.Le + 1 || bitLength(proof.eResponse) > pk.params.Ln + 1) return false;
  const Q = engine.multiExp([[signature.A, signature.e]], n);
  const T = engine.multiExp([[signature.A, proof.c + proof.eResponse * signature.e]], n);
  return hashCommit([context, Q, signature.A, nonce2, T], false) === proof.c;
}

/** True iff e lies in [2^(Le−1), 2^(Le−1) + 2^(LePrime−1)] and is probably prime (§7.6). */
export function isValidSignatureExponent(pk: IssuerPublicKey, e: bigint): boolean {
  const start = 1n << BigInt(pk.params.Le - 1);
  const end = start + (1n << BigInt(pk.params.LePrime - 1));
  return e >= start && e <= end && checkPrimeSync(e, { checks: 40 });
}

/** Verifies a CL signature on the attribute vector `ms` (gabi indices, ms[0] = secret key) (§7.6). */
export function verifyClSignature(pk: IssuerPublicKey, signature: ClSignature, ms: readonly bigint[], engine: ExpEngine = defaultEngine): boolean {
  const { n, S, R, Z, params } = pk;
  if (ms.length > R.length || ms.some((m) => m < 0n)) return false;
  if (signature.A <= 1n || signature.A >= n || signature.v < 0n) return false;
  if (bitLength(signature.v) > params.Lv + params.LvPrime + 2) return false;
  if (!isValidSignatureExponent(pk, signature.e)) return false;
  let lhs = engine.multiExp(
    [[signature.A, signature.e], [S, signature.v], ...ms.map((m, i) => [R[i]!, exponentForAttribute(m, params.Lm)] as const)],
    n,
  );
  if (signature.keyshareP !== undefined) lhs = (lhs * signature.keyshareP) % n;
  return lhs === Z % n;
}

/** A random prime in [2^(Le−1), 2^(Le−1) + 2^(LePrime−1)), drawn as gabi's RandomPrimeInRange does (§7.3 step 5). */
export function randomSignaturePrime(pk: IssuerPublicKey): bigint {
  const start = 1n << BigInt(pk.params.Le - 1);
  for (;;) {
    const e = start + (randomBigInt(pk.params.LePrime - 1) | 1n);
    if (checkPrimeSync(e, { checks: 20 })) return e;
  }
}

/** Result of server-side CL signing (§7.3). */
export interface ClSigningResult {
  /** The signature sent to the client; `v` is v''. */
  readonly signature: ClSignature;
  /** e^(−1) mod p'q', needed for the ProofS. */
  readonly d: bigint;
}

/**
 * Signs the attribute vector `ms` (ms[0] must be 0: the user's secret is inside U) for the commitment `U` (§7.3).
 * Exponentiation by d is done with CRT mod p and q.
 */
export function signCl(sk: IssuerPrivateKey, pk: IssuerPublicKey, U: bigint, ms: readonly bigint[], engine: ExpEngine = defaultEngine): ClSigningResult {
  const { n, S, R, Z, params } = pk;
  if (sk.n !== n) throw new NutshellError('IRMA_CANNOT_ISSUE', 'private key does not match public key');
  if (ms.length > R.length) throw new NutshellError('IRMA_ATTRIBUTES_WRONG', 'too many attributes for this key');
  const vpp = (1n << BigInt(params.Lv - 1)) + randomBigInt(params.Lv - 1);
  const rm = engine.multiExp(ms.map((m, i) => [R[i]!, exponentForAttribute(m, params.Lm)] as const), n);
  const denom = (engine.multiExp([[S, vpp]], n) * rm % n) * U % n;
  const Q = (Z * modInverse(denom, n)) % n;
  const order = privateKeyOrder(sk);
  let e: bigint;
  let d: bigint;
  for (;;) {
    e = randomSignaturePrime(pk);
    if (gcd(e, order) === 1n) {
      d = modInverse(e, order);
      break;
    }
  }
  const A = crtPow(Q, d, sk);
  return { signature: { A, e, v: vpp }, d };
}

/** x^k mod n using CRT over the private key's primes. */
function crtPow(x: bigint, k: bigint, sk: IssuerPrivateKey): bigint {
  const ap = modPow(x, k % (sk.p - 1n), sk.p);
  const aq = modPow(x, k % (sk.q - 1n), sk.q);
  const h = ((ap - aq) % sk.p + sk.p) % sk.p * modInverse(sk.q, sk.p) % sk.p;
  return aq + h * sk.q;
}

/** Creates the issuer's ProofS (§7.4) with context and the client's n_2. */
export function createProofS(sk: IssuerPrivateKey, pk: IssuerPublicKey, signature: ClSignature, d: bigint, context: bigint, nonce2: bigint): ProofS {
  const order = privateKeyOrder(sk);
  const Q = crtPow(signature.A, signature.e, sk);
  let eTilde: bigint;
  do eTilde = randomBelow(order);
  while (eTilde === 0n || gcd(eTilde, order) !== 1n);
  const T = crtPow(Q, eTilde, sk);
  const c = hashCommit([context, Q, signature.A, nonce2, T], false);
  const eResponse = (((eTilde - c * d) % order) + order) % order;
  return { c, eResponse };
}


