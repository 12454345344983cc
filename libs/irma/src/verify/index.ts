export type {
  ProofStatus,
  AttributeProofStatus,
  DisclosedAttribute,
  VerificationFailure,
  VerificationResult,
} from './types.js';
export type { VerifierConfiguration } from './configuration.js';
export type { DisclosedAttributeIndex } from './disclosed-attribute.js';
export { verifyDisclosure, type VerifyDisclosureInput, type DisclosureRequestLike } from './verify-disclosure.js';
export { verifySignedMessage, type VerifySignedMessageInput, type SignatureRequestLike } from './verify-signed-message.js';
export { verifyAgainstRequest, DEFAULT_REVOCATION_TOLERANCE_SECONDS, type RequestConstraints } from './verify-against-request.js';
export { parseSignedMessage, SIGNED_MESSAGE_CONTEXT, type SignedMessage, type SignedMessageParse } from './signed-message.js';
export { parseDisclosure, type ParsedDisclosure } from './disclosure-json.js';
export { IdemixProofVerifier, type IdemixProofVerifierOptions } from './idemix-proof-verifier.js';
