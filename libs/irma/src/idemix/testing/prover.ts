/**
 * The one implementation of the prover's side of Idemix for tests (idemix.md §7–§9): commitment to
 * the secret key, CL issuance to the prover, ProofD (with an optional nonrevocation proof) and
 * ProofU. Works on raw keys; the scheme-aware prover (../../testing/prover.ts) builds on it.
 * Test support only: never imported by product code.
 */
import { exponentForAttribute } from '../attributes.js';
import { encodeBigB64, randomBelow, randomBigInt } from '../bigint.js';
import { defaultEngine } from '../fast-modexp.js';
import { createChallenge } from '../hash.js';
import { createProofS, signCl, type ClSignature } from '../issuance.js';
import { modInverse } from '../modexp.js';
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

/** The prover's commitment U = S^v'·R_0^secret to its secret key (§7.2), with the fresh v' it used. */
export function commitToSecret(pk: IssuerPublicKey, secret: bigint): { U: bigint; vPrime: bigint } {
  const vPrime = randomBigInt(pk.params.LvPrime);
  return { U: defaultEngine.multiExp([[pk.S, vPrime], [pk.R[0]!, secret]], pk.n), vPrime };
}

/**
 * Issues a credential to the test prover (§7.3 + client side of §7.5): commitment U = S^v'·R_0^secret,
 * issuer signature, ProofS checked by the caller if wanted; returns the credential and the issuer's messages.
 */
export function issueTestCredential(sk: IssuerPrivateKey, pk: IssuerPublicKey, secret: bigint, attributes: readonly bigint[]) {
  const { U, vPrime } = commitToSecret(pk, secret);
  const { signature, d } = signCl(sk, pk, U, [0n, ...attributes]);
  const nonce2 = randomBigInt(128);
  const proofS = createProofS(sk, pk, signature, d, 1n, nonce2);
  const credential: TestCredential = { pk, signature: { ...signature, v: signature.v + vPrime }, ms: [secret, ...attributes] };
  return { credential, issuerSignature: signature, proofS, nonce2, U, vPrime };
}

/** What the holder keeps to prove nonrevocation of one credential (u^e = Nu, e the revocation attribute). */
export interface NonrevWitnessInput {
  /** gabi index of the revocation attribute in the credential's `ms` (its value is the witness e). */
  readonly index: number;
  readonly u: bigint;
  /** The accumulator value the witness belongs to. */
  readonly nu: bigint;
  /** The signed accumulator as gabi's JSON `{data, pk}`, copied into the proof as is. */
  readonly sacc: unknown;
}

/** One credential to show, the gabi indices to disclose, and optionally a nonrevocation witness. */
export interface DisclosureItem {
  readonly cred: TestCredential;
  readonly disclose: readonly number[];
  readonly nonrev?: NonrevWitnessInput;
}

/** gabi's revocation randomizer bound B·2^(k'+k'') = 2^579, also used for the revocation attribute. */
const NONREV_RANDOMIZER_BITS = 579;

type NonrevSecretName = 'beta' | 'delta' | 'epsilon' | 'zeta';

interface NonrevCommitment {
  readonly cr: bigint;
  readonly cu: bigint;
  readonly secrets: Readonly<Record<NonrevSecretName, bigint>>;
  readonly randomizers: Readonly<Record<NonrevSecretName, bigint>>;
  readonly contributions: readonly bigint[];
}

/** A ProofD whose commitments are made and whose challenge is not yet known. */
export interface DisclosureCommitment {
  readonly item: DisclosureItem;
  /** The randomized signature A' = A·S^r (what a timestamp signs). */
  readonly A: bigint;
  /** This proof's share of the list challenge: [A', T] and, with a nonrevocation proof, its six values. */
  readonly contributions: readonly bigint[];
  readonly disclosed: ReadonlySet<number>;
  readonly vPrime: bigint;
  readonly ePrime: bigint;
  readonly eTilde: bigint;
  readonly vTilde: bigint;
  readonly mTilde: ReadonlyMap<number, bigint>;
  readonly nonrev?: NonrevCommitment;
}

/** Commitments of gabi's `revocation.Proof` (§9.2) for the witness, sharing alphaTilde with the ProofD. */
function commitNonrevocation(pk: IssuerPublicKey, witness: NonrevWitnessInput, e: bigint, alphaTilde: bigint): NonrevCommitment {
  const { n } = pk;
  if (pk.G === undefined || pk.H === undefined) throw new Error('public key has no revocation bases');
  const { G, H } = pk;
  const quarter = n / 4n;
  const r2 = randomBelow(quarter);
  const r3 = randomBelow(quarter);
  const cr = defaultEngine.multiExp([[G, r2], [H, r3]], n);
  const cu = (witness.u * defaultEngine.multiExp([[H, r2]], n)) % n;
  const secrets = { beta: e * r2, delta: e * r3, epsilon: r2, zeta: r3 };
  const randomizers = {
    beta: randomBelow(quarter << 579n),
    delta: randomBelow(quarter << 579n),
    epsilon: randomBelow(quarter << 384n),
    zeta: randomBelow(quarter << 384n),
  };
  // Negative exponents of the commitments become positive ones on the inverted bases.
  const gInverse = modInverse(G, n);
  const hInverse = modInverse(H, n);
  const tR = defaultEngine.multiExp([[G, randomizers.epsilon], [H, randomizers.zeta]], n);
  const tNu = defaultEngine.multiExp([[cu, alphaTilde], [hInverse, randomizers.beta]], n);
  const tOne = defaultEngine.multiExp([[cr, alphaTilde], [gInverse, randomizers.beta], [hInverse, randomizers.delta]], n);
  return { cr, cu, secrets, randomizers, contributions: [cr, cu, witness.nu, tR, tNu, tOne] };
}

function commitOne(item: DisclosureItem, secretRandomizer: bigint): DisclosureCommitment {
  const { cred, nonrev } = item;
  const { pk, signature } = cred;
  const p = pk.params;
  const r = randomBigInt(p.LRA);
  const A = (signature.A * defaultEngine.multiExp([[pk.S, r]], pk.n)) % pk.n;
  const vPrime = signature.v - signature.e * r;
  const ePrime = signature.e - (1n << BigInt(p.Le - 1));
  const eTilde = randomBigInt(p.LeCommit);
  const vTilde = randomBigInt(p.LvCommit);
  const disclosed = new Set(item.disclose);
  if (nonrev !== undefined && disclosed.has(nonrev.index)) throw new Error('the revocation attribute cannot be disclosed');
  const mTilde = new Map<number, bigint>();
  for (let i = 0; i < cred.ms.length; i++) {
    if (disclosed.has(i)) continue;
    if (i === 0) mTilde.set(0, secretRandomizer);
    else if (i === nonrev?.index) mTilde.set(i, randomBigInt(NONREV_RANDOMIZER_BITS));
    else mTilde.set(i, randomBigInt(p.LmCommit));
  }
  const T = defaultEngine.multiExp(
    [[A, eTilde], [pk.S, vTilde], ...[...mTilde].map(([i, m]) => [pk.R[i]!, m] as const)],
    pk.n,
  );
  const nonrevCommitment =
    nonrev === undefined ? undefined : commitNonrevocation(pk, nonrev, cred.ms[nonrev.index]!, mTilde.get(nonrev.index)!);
  return {
    item,
    A,
    contributions: [A, T, ...(nonrevCommitment?.contributions ?? [])],
    disclosed,
    vPrime,
    ePrime,
    eTilde,
    vTilde,
    mTilde,
    ...(nonrevCommitment !== undefined ? { nonrev: nonrevCommitment } : {}),
  };
}

/** Makes the commitments of a ProofD list with one shared secret-key randomizer (§8.1), before the challenge. */
export function commitDisclosure(items: readonly DisclosureItem[]): DisclosureCommitment[] {
  const secretRandomizer = randomBigInt(SECRET_KEY_RANDOMIZER_BITS);
  return items.map((item) => commitOne(item, secretRandomizer));
}

/** The list's challenge inputs in proof order. */
export function commitmentContributions(commitments: readonly DisclosureCommitment[]): bigint[] {
  return commitments.flatMap((commitment) => commitment.contributions);
}

function respondOne(commitment: DisclosureCommitment, c: bigint): ProofD {
  const { cred, nonrev } = commitment.item;
  const Lm = cred.pk.params.Lm;
  const aResponses = new Map<number, bigint>();
  for (const [i, m] of commitment.mTilde) aResponses.set(i, m + c * exponentForAttribute(cred.ms[i]!, Lm));
  const aDisclosed = new Map<number, bigint>();
  for (const i of [...commitment.disclosed].sort((a, b) => a - b)) aDisclosed.set(i, cred.ms[i]!);
  const proof: ProofD = {
    kind: 'D',
    c,
    A: commitment.A,
    eResponse: commitment.eTilde + c * commitment.ePrime,
    vResponse: commitment.vTilde + c * commitment.vPrime,
    aResponses,
    aDisclosed,
  };
  const committed = commitment.nonrev;
  if (nonrev === undefined || committed === undefined) return proof;
  const response = (name: NonrevSecretName): string => encodeBigB64(committed.randomizers[name] + c * committed.secrets[name]);
  return {
    ...proof,
    nonrevProof: {
      C_r: encodeBigB64(committed.cr),
      C_u: encodeBigB64(committed.cu),
      responses: {
        alpha: encodeBigB64(aResponses.get(nonrev.index)!),
        beta: response('beta'),
        delta: response('delta'),
        epsilon: response('epsilon'),
        zeta: response('zeta'),
      },
      sacc: nonrev.sacc,
    },
  };
}

/** Answers the challenge `c` with the ProofDs of the commitments. */
export function respondDisclosure(commitments: readonly DisclosureCommitment[], c: bigint): ProofD[] {
  return commitments.map((commitment) => respondOne(commitment, c));
}

/** Builds a ProofD list for the given credentials and disclosed indices (§8.1), with one shared secret randomizer. */
export function proveDisclosure(items: readonly DisclosureItem[], context: bigint, nonce: bigint, issig: boolean): ProofD[] {
  const commitments = commitDisclosure(items);
  return respondDisclosure(commitments, createChallenge(context, nonce, commitmentContributions(commitments), issig));
}

/** Builds a ProofU (issuance commitment, §8.2) for `secret`, returning v' for completing the credential. */
export function proveCommitment(pk: IssuerPublicKey, secret: bigint, context: bigint, nonce: bigint): { proof: ProofU; vPrime: bigint } {
  const { U, vPrime } = commitToSecret(pk, secret);
  const vTilde = randomBigInt(pk.params.LvPrimeCommit);
  const sTilde = randomBigInt(SECRET_KEY_RANDOMIZER_BITS);
  const Utilde = defaultEngine.multiExp([[pk.S, vTilde], [pk.R[0]!, sTilde]], pk.n);
  const c = createChallenge(context, nonce, [U, Utilde], false);
  return { proof: { kind: 'U', c, U, vPrimeResponse: vTilde + c * vPrime, sResponse: sTilde + c * secret }, vPrime };
}
