/**
 * The IRMA session engine's verifier port backed by the Idemix verifier: turns what the app posts
 * into the proof status and disclosed attributes of the session result.
 */
import type { TrustedTimestampKeys } from '../timestamp/trusted-keys.js';
import { trustedTimestampKeys } from '../timestamp/trusted-keys.js';
import type { VerifierConfiguration } from './configuration.js';
import type { DisclosedAttribute, ProofStatus } from './types.js';
import { verifyDisclosure, type DisclosureRequestLike } from './verify-disclosure.js';
import { verifySignedMessage, type SignatureRequestLike } from './verify-signed-message.js';

/** What a session result takes from a verification (irma-server.md §6.1). */
export interface SessionResultProof {
  readonly proofStatus: ProofStatus;
  readonly disclosed: (DisclosedAttribute[] | null)[];
  /** The SignedMessage as posted, for signing sessions. */
  readonly signature?: unknown;
}

/** Options of `IdemixProofVerifier`. */
export interface IdemixProofVerifierOptions {
  readonly configuration: VerifierConfiguration;
  /** Pinned Atum keys (base64 or hex Ed25519); without any, every timestamped signature is INVALID_TIMESTAMP. */
  readonly trustedTimestampKeys?: TrustedTimestampKeys | readonly string[];
  /** Clock, for tests. */
  readonly now?: () => Date;
}

/** Verifies disclosures and signatures posted to IRMA sessions. */
export class IdemixProofVerifier {
  private readonly configuration: VerifierConfiguration;
  private readonly trusted: TrustedTimestampKeys;
  private readonly now: () => Date;

  constructor(options: IdemixProofVerifierOptions) {
    this.configuration = options.configuration;
    const keys = options.trustedTimestampKeys ?? [];
    this.trusted = Array.isArray(keys) ? trustedTimestampKeys(keys as readonly string[]) : (keys as TrustedTimestampKeys);
    this.now = options.now ?? (() => new Date());
  }

  /** Verifies a posted disclosure (`{"proofs","indices"}`) against its session request. */
  async verifyDisclosure(request: DisclosureRequestLike, body: unknown): Promise<SessionResultProof> {
    const result = await verifyDisclosure({ body, request, configuration: this.configuration, now: this.now() });
    return { proofStatus: result.proofStatus, disclosed: result.disclosed };
  }

  /** Verifies a posted SignedMessage against its signature request; the message is kept for the result. */
  async verifySignature(request: SignatureRequestLike, body: unknown): Promise<SessionResultProof> {
    const result = await verifySignedMessage({
      signedMessage: body,
      request,
      configuration: this.configuration,
      trustedTimestampKeys: this.trusted,
      now: this.now(),
    });
    return { proofStatus: result.proofStatus, disclosed: result.disclosed, signature: body };
  }
}
