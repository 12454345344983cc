/**
 * The IRMA session engine's verifier port backed by the Idemix verifier: turns what the app posts
 * into the proof status and disclosed attributes of the session result.
 */
import { NutshellError } from '#errors';
import type { ProofVerifierPool } from '../idemix/pool/proof-verifier-pool.js';
import type { DisclosureRequest, SignatureRequest } from '../request/types.js';
import type { ProofVerifier, SessionResultProof } from '../session/proof-verifier.js';
import { toTrustedTimestampKeys, type TrustedTimestampKeys } from '../timestamp/trusted-keys.js';
import type { VerifierConfiguration } from './configuration.js';
import type { VerificationResult } from './types.js';
import { verifyDisclosure } from './verify-disclosure.js';
import { verifySignedMessage } from './verify-signed-message.js';

/**
 * Maps the failures the session engine treats as errors rather than results (ProofVerifier
 * contract): unparsable bodies and credentials of unknown types or keys, as irmago does.
 */
function resultOrThrow(result: VerificationResult): VerificationResult {
  switch (result.failure) {
    case 'malformed-proofs':
      throw new NutshellError('IRMA_MALFORMED_INPUT', 'the posted proofs could not be parsed');
    case 'unknown-credential-type':
    case 'unknown-public-key':
      throw new NutshellError('IRMA_UNKNOWN_PUBLIC_KEY', 'a proof refers to an unknown credential type or issuer key');
    default:
      return result;
  }
}

/** Options of `IdemixProofVerifier`. */
export interface IdemixProofVerifierOptions {
  readonly configuration: VerifierConfiguration;
  /** Pinned Atum keys (base64 or hex Ed25519); without any, every timestamped signature is INVALID_TIMESTAMP. */
  readonly trustedTimestampKeys?: TrustedTimestampKeys | readonly string[];
  /** Clock, for tests. */
  readonly now?: () => Date;
  /**
   * Worker pool for the cryptographic list check (2–7 ms per list, more with nonrevocation proofs), so that
   * verification does not block the event loop; the caller owns it (and closes it). In-thread without one.
   */
  readonly pool?: ProofVerifierPool;
}

/** Verifies disclosures and signatures posted to IRMA sessions. */
export class IdemixProofVerifier implements ProofVerifier {
  private readonly configuration: VerifierConfiguration;
  private readonly trusted: TrustedTimestampKeys;
  private readonly now: () => Date;
  private readonly pool: ProofVerifierPool | undefined;

  constructor(options: IdemixProofVerifierOptions) {
    this.configuration = options.configuration;
    this.pool = options.pool;
    this.trusted = toTrustedTimestampKeys(options.trustedTimestampKeys ?? []);
    this.now = options.now ?? (() => new Date());
  }

  /** Verifies a posted disclosure (`{"proofs","indices"}`) against its session request. */
  async verifyDisclosure(request: DisclosureRequest, body: unknown): Promise<SessionResultProof> {
    const result = resultOrThrow(await verifyDisclosure({ body, request, configuration: this.configuration, now: this.now(), pool: this.pool }));
    return { proofStatus: result.proofStatus, disclosed: result.disclosed };
  }

  /** Verifies a posted SignedMessage against its signature request; the message is kept for the result. */
  async verifySignature(request: SignatureRequest, body: unknown): Promise<SessionResultProof> {
    const result = resultOrThrow(await verifySignedMessage({
      signedMessage: body,
      request,
      configuration: this.configuration,
      trustedTimestampKeys: this.trusted,
      now: this.now(),
      pool: this.pool,
    }));
    return { proofStatus: result.proofStatus, disclosed: result.disclosed, signature: body };
  }
}
