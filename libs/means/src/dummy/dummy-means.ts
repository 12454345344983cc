import { randomBytes } from 'node:crypto';
import { parseContractText, verifyContractAt } from '#contract';
import { isNutshellError, NutshellError } from '#errors';
import type { SessionStore } from '#store';
import { DetachedSeal, utf8 } from '../seal/detached-seal.js';
import type { ProofKeys } from '../seal/proof-keys.js';
import type { Means } from '../types/means.js';
import {
  BASE_PRESENTATION_TYPE,
  CREDENTIALS_V1_CONTEXT,
  DUMMY_PRESENTATION_TYPE,
  type DummyVerifiablePresentation,
  type ReceivedPresentation,
} from '../types/presentation.js';
import type { DummySessionPointer, DummySigningSessionStatus, StartedSession } from '../types/session.js';
import type { VerificationResult } from '../types/verification.js';
import { DUMMY_SIGNER, dummyIssuerAttributes, dummyProofContent, type DummyProofFields, readDummyProof } from './dummy-proof.js';
import { advanceDummySession, DUMMY_SESSION_ID, type DummySessionRecord } from './dummy-session.js';

// The proof fields of a dummy session for `contract`: everything but the contract is the fixed fictional signer.
function proofFields(contract: string): DummyProofFields & { readonly Type: 'NoSignature' } {
  return { Contract: contract, ...DUMMY_SIGNER, Type: 'NoSignature' as const };
}

/** Key id of the node key that seals dummy proofs. */
export const DUMMY_SEAL_KID = 'means-dummy';

/** Abandoned dummy sessions disappear after this long (Nuts keeps them forever, in memory). */
export const DUMMY_SESSION_TTL_SECONDS = 15 * 60;

/** What the dummy means needs from the node. */
export interface DummyMeansOptions {
  /** Shared session state; with Redis, several nodes serve the same sessions. */
  readonly store: SessionStore<DummySessionRecord>;
  /** The node key store; the seal key is created in it on first use. */
  readonly keys: ProofKeys;
  /** Leeway when checking the contract period at verification. */
  readonly clockSkewSeconds: number;
  readonly sessionTtlSeconds?: number;
  readonly sealKid?: string;
}

/**
 * The development means: "signs" any contract as a fixed fictional person. Unlike Nuts, its proof is sealed with
 * a node key (so an altered contract or name verifies as invalid) and the contract period is checked at verify.
 */
export class DummyMeans implements Means<DummySigningSessionStatus, DummySessionPointer> {
  readonly name = 'dummy';
  readonly presentationType = DUMMY_PRESENTATION_TYPE;
  private readonly seal: DetachedSeal;
  private readonly ttl: number;

  constructor(private readonly options: DummyMeansOptions) {
    this.seal = new DetachedSeal(options.keys, options.sealKid ?? DUMMY_SEAL_KID);
    this.ttl = options.sessionTtlSeconds ?? DUMMY_SESSION_TTL_SECONDS;
  }

  /**
   * Stores a new session in state `created`, with its proof already sealed (the proof does not depend on anything
   * the polls change, so the completed poll only assembles it); `params` are ignored, as in Nuts.
   */
  async startSession(contractText: string, _params: unknown): Promise<StartedSession<DummySessionPointer>> {
    const jws = await this.seal.seal(utf8(dummyProofContent(proofFields(contractText))));
    for (;;) {
      const sessionId = randomBytes(16).toString('hex');
      if (await this.options.store.create(sessionId, { state: 'created', contract: contractText, jws }, this.ttl)) {
        return { sessionId, sessionPtr: { sessionID: sessionId } };
      }
    }
  }

  /** Returns the current state and advances it atomically (shared store: any node may serve the next poll). */
  async sessionStatus(sessionId: string): Promise<DummySigningSessionStatus | undefined> {
    if (!DUMMY_SESSION_ID.test(sessionId)) return undefined;
    // `update` may call `mutate` several times (lost races); only its last call belongs to the write that won.
    const last: { record?: DummySessionRecord } = {};
    const written = await this.options.store.update(sessionId, (current) => {
      last.record = current;
      return advanceDummySession(current);
    });
    const { record } = last;
    // Nothing written: the session is absent, expired, or this poll deleted a consumed one. All mean "gone".
    if (written === undefined || record === undefined) return undefined;
    switch (record.state) {
      case 'created':
      case 'in-progress':
        return { means: 'dummy', status: record.state };
      case 'completed':
        return { means: 'dummy', status: 'completed', verifiablePresentation: await this.presentation(record.contract, record.jws) };
      case 'consumed':
        return undefined;
    }
  }

  /**
   * Verifies a dummy presentation: exactly one proof, a parseable contract (else an error, 400 as Nuts), then the
   * node's seal and the contract period at `checkTime` (else `validity: false`).
   */
  async verify(presentation: ReceivedPresentation, checkTime: Date): Promise<VerificationResult> {
    if (presentation.proofs.length !== 1) {
      throw new NutshellError('PRESENTATION_INVALID', `invalid number of proofs in Dummy proof: got ${presentation.proofs.length}, expected 1`);
    }
    const proof = readDummyProof(presentation.proofs[0]);
    const contract = parseContractText(proof.Contract);
    if (proof.jws === undefined) return { validity: false, reason: 'dummy proof carries no seal' };
    const sealed = await this.seal.check(utf8(dummyProofContent(proof)), proof.jws);
    if (!sealed.ok) return { validity: false, reason: sealed.reason };
    try {
      verifyContractAt(contract, checkTime, { clockSkewSeconds: this.options.clockSkewSeconds });
    } catch (error) {
      if (isNutshellError(error) && error.status < 500) return { validity: false, reason: error.detail };
      throw error;
    }
    const credentials: Record<string, string> = {};
    for (const [name, value] of Object.entries(contract.params)) if (value !== undefined) credentials[name] = value;
    return { validity: true, vpType: DUMMY_PRESENTATION_TYPE, issuerAttributes: dummyIssuerAttributes(proof), credentials };
  }

  // `sealed` is the seal made at start; a record of an older node has none, so it is sealed now.
  private async presentation(contract: string, sealed: string | undefined): Promise<DummyVerifiablePresentation> {
    const fields = proofFields(contract);
    const jws = sealed ?? (await this.seal.seal(utf8(dummyProofContent(fields))));
    // Keys in alphabetical order, as go-did serialises a presentation.
    return {
      '@context': [CREDENTIALS_V1_CONTEXT],
      proof: {
        Contract: fields.Contract,
        Email: fields.Email,
        FamilyName: fields.FamilyName,
        Initials: fields.Initials,
        Prefix: fields.Prefix,
        Type: fields.Type,
        jws,
      },
      type: [BASE_PRESENTATION_TYPE, DUMMY_PRESENTATION_TYPE],
    };
  }
}
