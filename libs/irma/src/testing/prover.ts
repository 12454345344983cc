/**
 * The "Yivi app" of the tests (idemix.md §8): issues credentials to itself with the demo private
 * keys, and answers disclosure and signature requests with ProofD lists built exactly as the app
 * builds them (randomized signatures, one shared secret-key randomizer, optional nonrevocation
 * proofs, Atum timestamps from a test key). Test support only: never imported by product code.
 */
import {
  credentialTypeHash,
  encodeMetadataAttribute,
  encodeStringAttribute,
  encodeStringAttributeV2,
  exponentForAttribute,
  type MetadataAttribute,
} from '../idemix/attributes.js';
import { encodeBigB64, randomBelow, randomBigInt } from '../idemix/bigint.js';
import { createChallenge } from '../idemix/hash.js';
import { signCl, verifyClSignature, type ClSignature } from '../idemix/issuance.js';
import { modPow } from '../idemix/modexp.js';
import { EXPIRY_FACTOR, SECRET_KEY_BITS, SECRET_KEY_RANDOMIZER_BITS } from '../idemix/params.js';
import type { IssuerPrivateKey } from '../idemix/private-key.js';
import { serializeProofList, type ProofD } from '../idemix/proof.js';
import type { IssuerPublicKey } from '../idemix/public-key.js';
import type { AttributeConDisCon, AttributeRequest } from '../request/types.js';
import type { CredentialType } from '../scheme/types.js';
import { timestampNonce } from '../timestamp/timestamp-nonce.js';
import { decodeAttributeValue } from '../verify/attribute-value.js';
import { signatureNonce } from '../idemix/hash.js';
import { SIGNED_MESSAGE_CONTEXT } from '../verify/signed-message.js';
import { stampNonce, type TestAtumKey } from './test-atum.js';
import { createWitness, type NonrevWitness } from './test-revocation.js';

/** What the prover needs from a configuration (the test configuration and I2's both fit). */
export interface ProverConfiguration {
  credentialType(id: string): CredentialType | undefined;
  publicKey(issuerId: string, counter: number): IssuerPublicKey | undefined;
  privateKey(issuerId: string, counter: number): IssuerPrivateKey | undefined;
  latestPrivateKeyCounter?(issuerId: string): number | undefined;
}

/** A credential held by the test prover. */
export interface Credential {
  readonly credentialType: CredentialType;
  readonly publicKey: IssuerPublicKey;
  /** gabi attribute vector: [secret key, metadata, attribute 0, …]. */
  readonly attributes: readonly bigint[];
  /** CL signature with the full v (= v'' + v'). */
  readonly signature: ClSignature;
  readonly metadata: MetadataAttribute;
  readonly witness?: NonrevWitness;
}

/** Options of `issueCredential`. */
export interface IssueOptions {
  /** The holder's secret key; defaults to one secret per test process, so credentials share it. */
  readonly secret?: bigint;
  /** Defaults to now; stored truncated to its Unix week. */
  readonly signingDate?: Date;
  /** Defaults to 26 weeks. */
  readonly validityWeeks?: number;
  /** Defaults to the latest private key of the issuer. */
  readonly keyCounter?: number;
  /** 3 (default) or 2 (pre-2.3 encoding without presence bit). */
  readonly metadataVersion?: 2 | 3;
  /** For revocation-enabled types: issue a witness into a fresh accumulator signed at this Unix time (default now). */
  readonly accumulatorTime?: number;
}

/** The secret key the prover uses unless told otherwise. */
export const DEFAULT_TEST_SECRET: bigint = randomBigInt(SECRET_KEY_BITS);

function issuerIdOf(type: CredentialType): string {
  return `${type.schemeId}.${type.issuerId}`;
}

function encodeValue(value: string | null, version: 2 | 3): bigint {
  if (version === 3) return encodeStringAttribute(value);
  return value === null ? 0n : encodeStringAttributeV2(value);
}

/**
 * Issues a credential to the prover with the issuer's demo private key (CL signature §7.3, then
 * the client's check §7.6). Unknown attribute names or missing mandatory ones throw.
 */
export function issueCredential(
  configuration: ProverConfiguration,
  credentialTypeId: string,
  attributes: Readonly<Record<string, string>>,
  options: IssueOptions = {},
): Credential {
  const credentialType = configuration.credentialType(credentialTypeId);
  if (credentialType === undefined) throw new Error(`unknown credential type ${credentialTypeId}`);
  const issuerId = issuerIdOf(credentialType);
  const counter = options.keyCounter ?? configuration.latestPrivateKeyCounter?.(issuerId);
  if (counter === undefined) throw new Error(`no key counter for ${issuerId}`);
  const sk = configuration.privateKey(issuerId, counter);
  const pk = configuration.publicKey(issuerId, counter);
  if (sk === undefined || pk === undefined) throw new Error(`no key pair ${issuerId}-${counter}`);
  const known = new Set(credentialType.attributes.map((attribute) => attribute.shortId));
  for (const name of Object.keys(attributes)) if (!known.has(name)) throw new Error(`unknown attribute ${name}`);

  const version = options.metadataVersion ?? 3;
  const metadata: MetadataAttribute = {
    version,
    signingDate: options.signingDate ?? new Date(),
    validityWeeks: options.validityWeeks ?? 26,
    keyCounter: counter,
    credentialTypeHash: credentialTypeHash(credentialType.id),
  };
  const revocable = credentialType.revocationIndex !== undefined && pk.G !== undefined && sk.ecdsa !== undefined;
  const witness = revocable ? createWitness(sk, pk, options.accumulatorTime ?? Math.floor(Date.now() / 1000)) : undefined;
  const values = credentialType.attributes.map((attribute) => {
    if (attribute.revocation === true) return witness?.e ?? 0n;
    if (attribute.randomBlind === true) return randomBigInt(pk.params.Lm - 1);
    const value = attributes[attribute.shortId];
    if (value === undefined && !attribute.optional) throw new Error(`missing attribute ${attribute.shortId}`);
    return encodeValue(value ?? null, version);
  });
  const secret = options.secret ?? DEFAULT_TEST_SECRET;
  const metadataValue = encodeMetadataAttribute(metadata);
  const vPrime = randomBigInt(pk.params.LvPrime);
  const U = (modPow(pk.S, vPrime, pk.n) * modPow(pk.R[0]!, secret, pk.n)) % pk.n;
  const { signature } = signCl(sk, pk, U, [0n, metadataValue, ...values]);
  const full: ClSignature = { A: signature.A, e: signature.e, v: signature.v + vPrime };
  const vector = [secret, metadataValue, ...values];
  if (!verifyClSignature(pk, full, vector)) throw new Error('issued CL signature does not verify');
  return { credentialType, publicKey: pk, attributes: vector, signature: full, metadata, ...(witness ? { witness } : {}) };
}

/** One credential to show and the gabi indices (≥ 2) to disclose besides the metadata attribute. */
export interface ProofChoice {
  readonly credential: Credential;
  readonly disclose: readonly number[];
  /** Adds a nonrevocation proof (the credential must hold a witness). */
  readonly nonrev?: boolean;
}

interface NonrevCommit {
  readonly cr: bigint;
  readonly cu: bigint;
  readonly secrets: { readonly beta: bigint; readonly delta: bigint; readonly epsilon: bigint; readonly zeta: bigint };
  readonly randomizers: { readonly beta: bigint; readonly delta: bigint; readonly epsilon: bigint; readonly zeta: bigint };
  readonly contributions: bigint[];
}

interface Builder {
  readonly choice: ProofChoice;
  readonly aPrime: bigint;
  readonly vPrime: bigint;
  readonly ePrime: bigint;
  readonly disclosed: ReadonlySet<number>;
  readonly eTilde: bigint;
  readonly vTilde: bigint;
  readonly mTilde: ReadonlyMap<number, bigint>;
  readonly commitment: bigint;
  readonly nonrev?: NonrevCommit;
}

/** gabi's revocation randomizer bound B·2^(k'+k'') = 2^579, also used for the revocation attribute. */
const NONREV_RANDOMIZER_BITS = 579;

function nonrevCommit(pk: IssuerPublicKey, witness: NonrevWitness, alphaTilde: bigint): NonrevCommit {
  const { n } = pk;
  const G = pk.G!;
  const H = pk.H!;
  const quarter = n / 4n;
  const r2 = randomBelow(quarter);
  const r3 = randomBelow(quarter);
  const cr = (modPow(G, r2, n) * modPow(H, r3, n)) % n;
  const cu = (witness.u * modPow(H, r2, n)) % n;
  const secrets = { beta: witness.e * r2, delta: witness.e * r3, epsilon: r2, zeta: r3 };
  const randomizers = {
    beta: randomBelow(quarter << 579n),
    delta: randomBelow(quarter << 579n),
    epsilon: randomBelow(quarter << 384n),
    zeta: randomBelow(quarter << 384n),
  };
  const tR = (modPow(G, randomizers.epsilon, n) * modPow(H, randomizers.zeta, n)) % n;
  const tNu = (modPow(cu, alphaTilde, n) * modPow(H, -randomizers.beta, n)) % n;
  const tOne = (((modPow(cr, alphaTilde, n) * modPow(G, -randomizers.beta, n)) % n) * modPow(H, -randomizers.delta, n)) % n;
  return { cr, cu, secrets, randomizers, contributions: [cr, cu, witness.nu, tR, tNu, tOne] };
}

function prepare(choice: ProofChoice, secretRandomizer: bigint): Builder {
  const { credential } = choice;
  const pk = credential.publicKey;
  const { n, S, R, params } = pk;
  const r = randomBigInt(params.LRA);
  const aPrime = (credential.signature.A * modPow(S, r, n)) % n;
  const vPrime = credential.signature.v - credential.signature.e * r;
  const ePrime = credential.signature.e - (1n << BigInt(params.Le - 1));
  const disclosed = new Set([1, ...choice.disclose]);
  const revocationGabiIndex =
    credential.credentialType.revocationIndex === undefined ? undefined : credential.credentialType.revocationIndex + 2;
  const mTilde = new Map<number, bigint>();
  for (let i = 0; i < credential.attributes.length; i++) {
    if (disclosed.has(i)) continue;
    if (i === 0) mTilde.set(0, secretRandomizer);
    else if (choice.nonrev === true && i === revocationGabiIndex) mTilde.set(i, randomBigInt(NONREV_RANDOMIZER_BITS));
    else mTilde.set(i, randomBigInt(params.LmCommit));
  }
  const eTilde = randomBigInt(params.LeCommit);
  const vTilde = randomBigInt(params.LvCommit);
  let commitment = (modPow(aPrime, eTilde, n) * modPow(S, vTilde, n)) % n;
  for (const [i, tilde] of mTilde) commitment = (commitment * modPow(R[i]!, tilde, n)) % n;
  let nonrev: NonrevCommit | undefined;
  if (choice.nonrev === true) {
    if (credential.witness === undefined || revocationGabiIndex === undefined) throw new Error('credential has no witness');
    nonrev = nonrevCommit(pk, credential.witness, mTilde.get(revocationGabiIndex)!);
  }
  return { choice, aPrime, vPrime, ePrime, disclosed, eTilde, vTilde, mTilde, commitment, ...(nonrev ? { nonrev } : {}) };
}

function respond(builder: Builder, c: bigint): ProofD {
  const { credential } = builder.choice;
  const { Lm } = credential.publicKey.params;
  const aResponses = new Map<number, bigint>();
  for (const [i, tilde] of builder.mTilde) aResponses.set(i, tilde + c * exponentForAttribute(credential.attributes[i]!, Lm));
  const aDisclosed = new Map<number, bigint>();
  for (const i of [...builder.disclosed].sort((a, b) => a - b)) aDisclosed.set(i, credential.attributes[i]!);
  const proof: ProofD = {
    kind: 'D',
    c,
    A: builder.aPrime,
    eResponse: builder.eTilde + c * builder.ePrime,
    vResponse: builder.vTilde + c * builder.vPrime,
    aResponses,
    aDisclosed,
  };
  if (builder.nonrev === undefined) return proof;
  const { nonrev } = builder;
  const revocationIndex = credential.credentialType.revocationIndex! + 2;
  const response = (name: keyof NonrevCommit['secrets']): string =>
    encodeBigB64(nonrev.randomizers[name] + c * nonrev.secrets[name]);
  return {
    ...proof,
    nonrevProof: {
      C_r: encodeBigB64(nonrev.cr),
      C_u: encodeBigB64(nonrev.cu),
      responses: {
        alpha: encodeBigB64(aResponses.get(revocationIndex)!),
        beta: response('beta'),
        delta: response('delta'),
        epsilon: response('epsilon'),
        zeta: response('zeta'),
      },
      sacc: { data: Buffer.from(credential.witness!.sacc.data).toString('base64'), pk: credential.witness!.sacc.pkCounter },
    },
  };
}

function contributionsOf(builders: readonly Builder[]): bigint[] {
  return builders.flatMap((builder) => [builder.aPrime, builder.commitment, ...(builder.nonrev?.contributions ?? [])]);
}

/** Challenge parameters of one proof list. */
export interface ProofListSession {
  readonly context: bigint;
  readonly nonce: bigint;
  readonly issig: boolean;
}

/** Builds a ProofD list for the choices with one challenge and one secret-key randomizer (§8.1). */
export function createProofList(choices: readonly ProofChoice[], session: ProofListSession): ProofD[] {
  const secretRandomizer = randomBigInt(SECRET_KEY_RANDOMIZER_BITS);
  const builders = choices.map((choice) => prepare(choice, secretRandomizer));
  const c = createChallenge(session.context, session.nonce, contributionsOf(builders), session.issig);
  return builders.map((builder) => respond(builder, c));
}

/** `{cred, attr}` as in irmago's `indices`. */
export interface IndexJson {
  cred: number;
  attr: number;
}

/** The choices and indices that answer a condiscon from a wallet. */
export interface Selection {
  readonly choices: ProofChoice[];
  readonly indices: IndexJson[][];
}

function gabiIndexOf(credential: Credential, attributeId: string): number | undefined {
  const parts = attributeId.split('.');
  if (parts.length === 3) return 1;
  const position = credential.credentialType.attributes.findIndex((attribute) => attribute.shortId === parts[3]);
  return position < 0 ? undefined : position + 2;
}

function valueOf(credential: Credential, index: number): string | null {
  return index === 1 ? 'present' : decodeAttributeValue(credential.attributes[index]!, credential.metadata.version);
}

function fits(credential: Credential, request: AttributeRequest): boolean {
  if (credential.credentialType.id !== request.type.split('.').slice(0, 3).join('.')) return false;
  const index = gabiIndexOf(credential, request.type);
  if (index === undefined) return false;
  const value = valueOf(credential, index);
  if (request.notNull === true && value === null) return false;
  return request.value === undefined || request.value === null || request.value === value;
}

function credentialTypeIdOf(attributeId: string): string {
  return attributeId.split('.').slice(0, 3).join('.');
}

/** One credential per credential type of the option, each satisfying all of that type's requests. */
function pickForCon(wallet: readonly Credential[], con: readonly AttributeRequest[]): Map<string, Credential> | undefined {
  const picked = new Map<string, Credential>();
  for (const typeId of new Set(con.map((request) => credentialTypeIdOf(request.type)))) {
    const requests = con.filter((request) => credentialTypeIdOf(request.type) === typeId);
    const credential = wallet.find((candidate) => requests.every((request) => fits(candidate, request)));
    if (credential === undefined) return undefined;
    picked.set(typeId, credential);
  }
  return picked;
}

/**
 * Picks, per disjunction, the first option the wallet can satisfy (like the app's default choice),
 * and lays out credentials in order of first use. Throws when a disjunction cannot be satisfied.
 */
export function selectForRequest(
  wallet: readonly Credential[],
  disclose: AttributeConDisCon,
  revocation: Readonly<Record<string, unknown>> = {},
): Selection {
  const order: Credential[] = [];
  const discloseSets = new Map<Credential, Set<number>>();
  const indices: IndexJson[][] = disclose.map((discon, i) => {
    for (const con of discon) {
      const picked = pickForCon(wallet, con);
      if (picked === undefined) continue;
      return con.map((request) => {
        const credential = picked.get(credentialTypeIdOf(request.type))!;
        if (!discloseSets.has(credential)) {
          order.push(credential);
          discloseSets.set(credential, new Set());
        }
        const attr = gabiIndexOf(credential, request.type)!;
        if (attr > 1) discloseSets.get(credential)!.add(attr);
        return { cred: order.indexOf(credential), attr };
      });
    }
    throw new Error(`the wallet cannot satisfy disjunction ${i}`);
  });
  const choices = order.map((credential) => ({
    credential,
    disclose: [...discloseSets.get(credential)!].sort((a, b) => a - b),
    nonrev: credential.witness !== undefined && revocation[credential.credentialType.id] !== undefined,
  }));
  return { choices, indices };
}

/** A request as the prover reads it (I3's request types fit). */
export interface ProverRequest {
  readonly disclose: AttributeConDisCon;
  readonly context?: bigint;
  readonly nonce?: bigint;
  readonly revocation?: Readonly<Record<string, unknown>>;
}

/** The JSON the app posts for a disclosure: `{"proofs": […], "indices": […]}`. */
export function createDisclosure(wallet: readonly Credential[], request: ProverRequest): { proofs: unknown[]; indices: IndexJson[][] } {
  const { choices, indices } = selectForRequest(wallet, request.disclose, request.revocation);
  const proofs = createProofList(choices, { context: request.context ?? 1n, nonce: request.nonce ?? 0n, issig: false });
  return { proofs: serializeProofList(proofs), indices };
}

/** Options of `createSignedMessage`. */
export interface SignOptions {
  /** Timestamp the signature with this test Atum key (as the app always does). */
  readonly atumKey?: TestAtumKey;
  /** Timestamp time, Unix seconds; defaults to now. */
  readonly time?: number;
  /** 2 (default, with @context) or 1 (legacy timestamp nonce, no @context). */
  readonly version?: 1 | 2;
}

/** gabi RepresentToPublicKey over the disclosed vector (0 where hidden). */
function dlrep(credential: Credential, disclosed: ReadonlySet<number>): bigint {
  const { n, R, params } = credential.publicKey;
  let result = 1n;
  credential.attributes.forEach((value, j) => {
    if (disclosed.has(j)) result = (result * modPow(R[j]!, exponentForAttribute(value, params.Lm), n)) % n;
  });
  return result;
}

/** An attribute-based signature on `request.message` as the app produces it (§6, §8.1). */
export function createSignedMessage(
  wallet: readonly Credential[],
  request: ProverRequest & { readonly message: string },
  options: SignOptions = {},
): Record<string, unknown> {
  const version = options.version ?? 2;
  const { choices, indices } = selectForRequest(wallet, request.disclose, request.revocation);
  const secretRandomizer = randomBigInt(SECRET_KEY_RANDOMIZER_BITS);
  const builders = choices.map((choice) => prepare(choice, secretRandomizer));
  let timestamp: Record<string, unknown> | undefined;
  if (options.atumKey !== undefined) {
    const sigs = builders.map((builder) => builder.aPrime);
    const vectors = builders.map((builder) =>
      builder.choice.credential.attributes.map((value, j) => (builder.disclosed.has(j) ? value : 0n)),
    );
    const nonce = timestampNonce(
      request.message,
      sigs,
      version === 2
        ? { version: 2, dlreps: builders.map((builder) => dlrep(builder.choice.credential, builder.disclosed)) }
        : { version: 1, vectors },
    );
    timestamp = { ...stampNonce(options.atumKey, nonce, options.time ?? Math.floor(Date.now() / 1000)) };
  }
  const timestampSignature =
    timestamp === undefined ? undefined : new Uint8Array(Buffer.from((timestamp['Sig'] as { Data: string }).Data, 'base64'));
  const requestNonce = request.nonce ?? 0n;
  const context = request.context ?? 1n;
  const nonce = signatureNonce(request.message, requestNonce, timestampSignature);
  const c = createChallenge(context, nonce, contributionsOf(builders), true);
  const proofs = builders.map((builder) => respond(builder, c));
  return {
    ...(version === 2 ? { '@context': SIGNED_MESSAGE_CONTEXT } : {}),
    signature: serializeProofList(proofs),
    indices,
    nonce: encodeBigB64(requestNonce),
    context: encodeBigB64(context),
    message: request.message,
    ...(timestamp !== undefined ? { timestamp } : {}),
  };
}

/** Unix seconds of the start of the week containing `date` (how metadata stores signing dates). */
export function signingWeekStart(date: Date): number {
  return Math.floor(date.getTime() / 1000 / EXPIRY_FACTOR) * EXPIRY_FACTOR;
}

