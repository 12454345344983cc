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
  type MetadataAttribute,
} from '../idemix/attributes.js';
import { encodeBigB64, randomBigInt } from '../idemix/bigint.js';
import { createChallenge, signatureNonce } from '../idemix/hash.js';
import { verifyClSignature, type ClSignature } from '../idemix/issuance.js';
import { EXPIRY_FACTOR, SECRET_KEY_BITS } from '../idemix/params.js';
import type { IssuerPrivateKey } from '../idemix/private-key.js';
import { serializeProofList, type ProofD } from '../idemix/proof.js';
import type { IssuerPublicKey } from '../idemix/public-key.js';
import { representToPublicKey } from '../idemix/represent.js';
import {
  commitDisclosure,
  commitmentContributions,
  issueTestCredential,
  respondDisclosure,
  type DisclosureCommitment,
  type DisclosureItem,
} from '../idemix/testing/prover.js';
import type { AttributeConDisCon, AttributeRequest } from '../request/types.js';
import type { CredentialType } from '../scheme/types.js';
import { timestampNonce } from '../timestamp/timestamp-nonce.js';
import { decodeAttributeValue } from '../verify/attribute-value.js';
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
 * Issues a credential to the prover with the issuer's demo private key (CL signature §7.3 through
 * the raw-key prover, then the client's check §7.6). Unknown attribute names or missing mandatory ones throw.
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
  const { signature, ms } = issueTestCredential(sk, pk, secret, [metadataValue, ...values]).credential;
  if (!verifyClSignature(pk, signature, ms)) throw new Error('issued CL signature does not verify');
  return { credentialType, publicKey: pk, attributes: ms, signature, metadata, ...(witness ? { witness } : {}) };
}

/** One credential to show and the gabi indices (≥ 2) to disclose besides the metadata attribute. */
export interface ProofChoice {
  readonly credential: Credential;
  readonly disclose: readonly number[];
  /** Adds a nonrevocation proof (the credential must hold a witness). */
  readonly nonrev?: boolean;
}

/** The raw-key disclosure item of a choice: metadata always disclosed, the witness when asked for. */
function toItem(choice: ProofChoice): DisclosureItem {
  const { credential } = choice;
  const cred = { pk: credential.publicKey, signature: credential.signature, ms: credential.attributes };
  const disclose = [1, ...choice.disclose];
  if (choice.nonrev !== true) return { cred, disclose };
  const { witness } = credential;
  const { revocationIndex } = credential.credentialType;
  if (witness === undefined || revocationIndex === undefined) throw new Error('credential has no witness');
  const sacc = { data: Buffer.from(witness.sacc.data).toString('base64'), pk: witness.sacc.pkCounter };
  return { cred, disclose, nonrev: { index: revocationIndex + 2, u: witness.u, nu: witness.nu, sacc } };
}

/** Challenge parameters of one proof list. */
export interface ProofListSession {
  readonly context: bigint;
  readonly nonce: bigint;
  readonly issig: boolean;
}

/** Builds a ProofD list for the choices with one challenge and one secret-key randomizer (§8.1). */
export function createProofList(choices: readonly ProofChoice[], session: ProofListSession): ProofD[] {
  const commitments = commitDisclosure(choices.map(toItem));
  const c = createChallenge(session.context, session.nonce, commitmentContributions(commitments), session.issig);
  return respondDisclosure(commitments, c);
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

/** The attribute vector of a commitment's credential, 0 where hidden (what a timestamp covers). */
function disclosedVector(commitment: DisclosureCommitment): bigint[] {
  return commitment.item.cred.ms.map((value, j) => (commitment.disclosed.has(j) ? value : 0n));
}

/** An attribute-based signature on `request.message` as the app produces it (§6, §8.1). */
export function createSignedMessage(
  wallet: readonly Credential[],
  request: ProverRequest & { readonly message: string },
  options: SignOptions = {},
): Record<string, unknown> {
  const version = options.version ?? 2;
  const { choices, indices } = selectForRequest(wallet, request.disclose, request.revocation);
  const commitments = commitDisclosure(choices.map(toItem));
  let timestamp: Record<string, unknown> | undefined;
  if (options.atumKey !== undefined) {
    const sigs = commitments.map((commitment) => commitment.A);
    const vectors = commitments.map(disclosedVector);
    const nonce = timestampNonce(
      request.message,
      sigs,
      version === 2
        ? { version: 2, dlreps: commitments.map((commitment, i) => representToPublicKey(commitment.item.cred.pk, vectors[i]!)!) }
        : { version: 1, vectors },
    );
    timestamp = { ...stampNonce(options.atumKey, nonce, options.time ?? Math.floor(Date.now() / 1000)) };
  }
  const timestampSignature =
    timestamp === undefined ? undefined : new Uint8Array(Buffer.from((timestamp['Sig'] as { Data: string }).Data, 'base64'));
  const requestNonce = request.nonce ?? 0n;
  const context = request.context ?? 1n;
  const nonce = signatureNonce(request.message, requestNonce, timestampSignature);
  const c = createChallenge(context, nonce, commitmentContributions(commitments), true);
  const proofs = respondDisclosure(commitments, c);
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

