/**
 * Verifying an attribute-based signature (irmago `SignedMessage.Verify`, idemix.md §6): request
 * match (UNMATCHED_REQUEST), timestamp (INVALID_TIMESTAMP, and its time as the validity
 * instant), then the disclosure checks with the signature nonce and the signature flag.
 */
import type { ProofVerifierPool } from '../idemix/pool/proof-verifier-pool.js';
import { toTrustedTimestampKeys, type TrustedTimestampKeys } from '../timestamp/trusted-keys.js';
import type { VerifierConfiguration } from './configuration.js';
import { resolveCredentials } from './resolve-credentials.js';
import { checkSignatureTimestamp } from './signature-timestamp.js';
import { signatureNonce } from '../idemix/hash.js';
import { parseSignedMessage, type SignedMessage } from './signed-message.js';
import type { VerificationResult } from './types.js';
import { verifyAgainstRequest, type RequestConstraints } from './verify-against-request.js';
import { unixSeconds } from './verify-disclosure.js';

/** A signature request as far as verification is concerned (I3's `SignatureRequest` fits). */
export interface SignatureRequestLike extends RequestConstraints {
  readonly message: string;
  readonly context?: bigint;
  readonly nonce?: bigint;
}

/** Input of `verifySignedMessage`. */
export interface VerifySignedMessageInput {
  /** A parsed SignedMessage, or its JSON value. */
  readonly signedMessage: SignedMessage | unknown;
  readonly request?: SignatureRequestLike;
  readonly configuration: VerifierConfiguration;
  /** Pinned Atum Ed25519 keys: a prepared set, or base64 (or hex) strings. */
  readonly trustedTimestampKeys: TrustedTimestampKeys | readonly string[];
  /** Validity instant when the signature carries no timestamp; defaults to the current time. */
  readonly now?: Date;
  /** Worker pool for the cryptographic list check; in-thread without one. */
  readonly pool?: ProofVerifierPool;
}

function isParsed(value: unknown): value is SignedMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'signature' in value &&
    Array.isArray((value as { signature: unknown }).signature) &&
    typeof (value as { nonce?: unknown }).nonce === 'bigint'
  );
}

/** Verifies a SignedMessage against an optional signature request. Never throws for bad input. */
export async function verifySignedMessage(input: VerifySignedMessageInput): Promise<VerificationResult> {
  let signedMessage: SignedMessage;
  if (isParsed(input.signedMessage)) {
    signedMessage = input.signedMessage;
  } else {
    const parsed = parseSignedMessage(input.signedMessage);
    if (!parsed.ok) return { proofStatus: 'INVALID', disclosed: [], failure: 'malformed-proofs' };
    signedMessage = parsed.signedMessage;
  }
  const { request, configuration } = input;
  if (signedMessage.signature.length === 0) return { proofStatus: 'INVALID', disclosed: [], failure: 'empty-signature' };

  const timestampSignature = signedMessage.timestamp?.signature;
  const nonce = signatureNonce(signedMessage.message, signedMessage.nonce, timestampSignature);
  let message = signedMessage.message;
  if (request !== undefined) {
    const matches =
      signedMessage.context === (request.context ?? 1n) &&
      nonce === signatureNonce(request.message, request.nonce ?? 0n, timestampSignature);
    if (!matches) return { proofStatus: 'UNMATCHED_REQUEST', disclosed: [], failure: 'unmatched-request' };
    message = request.message;
  }

  let validAt = unixSeconds(input.now);
  if (signedMessage.timestamp !== undefined) {
    const resolution = await resolveCredentials(signedMessage.signature, configuration);
    const verdict = resolution.ok
      ? checkSignatureTimestamp(signedMessage.timestamp, signedMessage.version, message, resolution.credentials, toTrustedTimestampKeys(input.trustedTimestampKeys))
      : undefined;
    if (verdict === undefined || !verdict.valid) {
      const untrusted = verdict !== undefined && !verdict.valid && verdict.failure === 'untrusted-key';
      return { proofStatus: 'INVALID_TIMESTAMP', disclosed: [], failure: untrusted ? 'timestamp-untrusted' : 'timestamp-invalid' };
    }
    validAt = verdict.time;
  }

  const result = await verifyAgainstRequest({
    proofs: signedMessage.signature,
    indices: signedMessage.indices,
    ...(request !== undefined ? { request } : {}),
    configuration,
    context: signedMessage.context,
    nonce,
    issig: true,
    validAt,
    pool: input.pool,
  });
  return { ...result, validAt };
}
