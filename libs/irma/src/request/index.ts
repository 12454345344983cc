export type {
  SessionType,
  AttributeRequest,
  AttributeCon,
  AttributeDisCon,
  AttributeConDisCon,
  RevocationRequest,
  BaseSessionRequest,
  DisjunctionLabels,
  DisclosureRequest,
  SignatureRequest,
  CredentialRequest,
  IssuanceRequest,
  SessionRequest,
  ExtendedSessionRequest,
  AttributeLookup,
  SchemeLookup,
  RequestScheme,
} from './types.js';
export { LD_CONTEXT, sessionTypeOfContext } from './contexts.js';
export { isAttributeId, isCredentialTypeId, credentialTypeOf } from './attribute-id.js';
export { parseSessionRequest, parseExtendedSessionRequest, DEFAULT_JWT_VALIDITY } from './parse-session-request.js';
export { serializeSessionRequest, serializeExtendedSessionRequest, serializeConDisCon, type JsonValue } from './serialize-session-request.js';
export { pairingHint } from './pairing-hint.js';
