import { exponentForAttribute } from '../attributes.js';
import { randomBigInt } from '../bigint.js';
import { defaultEngine } from '../fast-modexp.js';
import { createChallenge } from '../hash.js';
import { createProofS, signCl, type ClSignature } from '../issuance.js';
import { SECRET_KEY_BITS, SECRET_KEY_RANDOMIZER_BITS } from '../params.js';
import type { IssuerPrivateKey } from '../private-key.js';
import type { ProofD, ProofU } from '../proof.js';
import type { IssuerPublicKey } from '../public-key.js';

/** A credential held by the test prover: CL signature (full v) over attributes ms (ms[0] = secret key). */
export interface TestCredential {
  readonly pk: IssuerPublicKey;
  readonly signature: ClSignature;
  readonly ms: readonly bigint[];
}

/** A fresh user secret key, rand(255) as gabi draws it. */
export function newSecret(): bigint {
  return randomBigInt(SECRET_KEY_BITS);
}

/**
 * Issues a credential to the test prover (§7.3 + client side of §7.5): commitment U = S^v'·R_0^secret,
 * issuer signature, ProofS checked by the caller if wanted; returns the credential and the issuer's messages.
 */
export function issueTestCredential(sk: IssuerPrivateKey, pk: IssuerPublicKey, secret: bigint, attributes: readonly bigint[]) {
  const vPrime = randomBigInt(pk.params.LvPrime);
  const U = defaultEngine.multiExp([[pk.S, vPrime], [pk.R[0]!, secret]], pk.n);
  const { signature, d } = signCl(sk, pk, U, [0n, ...attributes]);
  const nonce2 = randomBigInt(128);
  const proofS = createProofS(sk, pk, signature, d, 1n, nonce2);
  const credential: TestCredential = { pk, signature: { ...signature, v: signature.v + vPrime }, ms: [secret, ...attributes] };
  return { credential, issuerSignature: signature, proofS, nonce2, U, vPrime };
}

interface Builder {
  readonly cred: TestCredential;
  readonly disclosed: ReadonlySet<number>;
  readonly Aprime: bigint;
  readonly vPrime: bigint;
  readonly ePrime: bigint;
  readonly eTilde: bigint;
  readonly vTilde: bigint;
  readonly mTilde: Map<number, bigint>;
  readonly T: bigint;
}

/** Builds a ProofD list for the given credentials and disclosed indices (§8.1), with one shared secret randomizer. */
export function proveDisclosure(
  items: readonly { cred: TestCredential; disclose: readonly number[] }[],
  context: bigint,
  nonce: bigint,
  issig: boolean,
): ProofD[] {
  const secretRandomizer = randomBigInt(SECRET_KEY_RANDOMIZER_BITS);
  const builders: Builder[] = items.map(({ cred, disclose }) => {
    const { pk, signature } = cred;
    const p = pk.params;
    const r = randomBigInt(p.LRA);
    const Aprime = (signature.A * defaultEngine.multiExp([[pk.S, r]], pk.n)) % pk.n;
    const vPrime = signature.v - signature.e * r;
    const ePrime = signature.e - (1n << BigInt(p.Le - 1));
    const eTilde = randomBigInt(p.LeCommit);
    const vTilde = randomBigInt(p.LvCommit);
    const disclosed = new Set(disclose);
    const mTilde = new Map<number, bigint>();
    for (let i = 0; i < cred.ms.length; i++) {
      if (!disclosed.has(i)) mTilde.set(i, i === 0 ? secretRandomizer : randomBigInt(p.LmCommit));
    }
    const T = defaultEngine.multiExp(
      [[Aprime, eTilde], [pk.S, vTilde], ...[...mTilde].map(([i, m]) => [pk.R[i]!, m] as const)],
      pk.n,
    );
    return { cred, disclosed, Aprime, vPrime, ePrime, eTilde, vTilde, mTilde, T };
  });
  const c = createChallenge(context, nonce, builders.flatMap((b) => [b.Aprime, b.T]), issig);
  return builders.map((b) => {
    const Lm = b.cred.pk.params.Lm;
    const aResponses = new Map<number, bigint>();
    for (const [i, m] of b.mTilde) aResponses.set(i, m + c * exponentForAttribute(b.cred.ms[i]!, Lm));
    const aDisclosed = new Map<number, bigint>();
    for (const i of b.disclosed) aDisclosed.set(i, b.cred.ms[i]!);
    return {
      kind: 'D' as const,
      c,
      A: b.Aprime,
      eResponse: b.eTilde + c * b.ePrime,
      vResponse: b.vTilde + c * b.vPrime,
      aResponses,
      aDisclosed,
    };
  });
}

/** Builds a ProofU (issuance commitment, §8.2) for `secret`, returning v' for completing the credential. */
export function proveCommitment(pk: IssuerPublicKey, secret: bigint, context: bigint, nonce: bigint): { proof: ProofU; vPrime: bigint } {
  const p = pk.params;
  const vPrime = randomBigInt(p.LvPrime);
  const U = defaultEngine.multiExp([[pk.S, vPrime], [pk.R[0]!, secret]], pk.n);
  const vTilde = randomBigInt(p.LvPrimeCommit);
  const sTilde = randomBigInt(SECRET_KEY_RANDOMIZER_BITS);
  const Utilde = defaultEngine.multiExp([[pk.S, vTilde], [pk.R[0]!, sTilde]], pk.n);
  const c = createChallenge(context, nonce, [U, Utilde], false);
  return { proof: { kind: 'U', c, U, vPrimeResponse: vTilde + c * vPrime, sResponse: sTilde + c * secret }, vPrime };
}

