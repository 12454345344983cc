import { encodeBigB64 } from '../idemix/bigint.js';
import { LD_CONTEXT } from './contexts.js';
import type { AttributeConDisCon, AttributeRequest, CredentialRequest, ExtendedSessionRequest, SessionRequest } from './types.js';

/** A JSON value as `JSON.stringify` writes it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The wire form of a request as irmago marshals it for the app (§5.3): fields in Go struct order,
 * big integers as base64 strings, empty optional fields omitted, attribute requests as bare ids
 * unless they pin a value or require non-null.
 */
export function serializeSessionRequest(request: SessionRequest, options: { protocolVersion?: string } = {}): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {
    '@context': LD_CONTEXT[request.type],
    context: encodeBigB64(request.context),
    nonce: encodeBigB64(request.nonce),
  };
  if (options.protocolVersion !== undefined) out.protocolVersion = options.protocolVersion;
  if (request.revocation !== undefined) {
    out.revocation = Object.fromEntries(
      Object.entries(request.revocation).map(([id, p]): [string, JsonValue] => [id, p.tolerance === undefined ? {} : { tolerance: p.tolerance }]),
    );
  }
  if (request.devMode === true) out.devMode = true;
  if (request.clientReturnUrl !== undefined) out.clientReturnUrl = request.clientReturnUrl;
  if (request.augmentReturnUrl === true) out.augmentReturnUrl = true;
  if (request.host !== undefined) out.host = request.host;
  out.disclose = serializeConDisCon(request.disclose);
  if (request.labels !== undefined) {
    out.labels = Object.fromEntries(Object.entries(request.labels).map(([index, label]) => [index, label === null ? null : { ...label }]));
  }
  if (request.skipExpiryCheck !== undefined) out.skipExpiryCheck = [...request.skipExpiryCheck];
  if (request.type === 'signing') out.message = request.message;
  if (request.type === 'issuing') out.credentials = request.credentials.map(serializeCredential);
  return out;
}

/** The stored form of an extended request, in irmago's order (`validity, timeout, callbackUrl, nextSession, request`). */
export function serializeExtendedSessionRequest(extended: ExtendedSessionRequest): { [key: string]: JsonValue } {
  return {
    validity: extended.validity,
    ...(extended.timeout !== undefined ? { timeout: extended.timeout } : {}),
    ...(extended.callbackUrl !== undefined ? { callbackUrl: extended.callbackUrl } : {}),
    ...(extended.nextSession !== undefined ? { nextSession: { url: extended.nextSession.url } } : {}),
    request: serializeSessionRequest(extended.request),
  };
}

/** Writes a condiscon with irmago's compact attribute requests. */
export function serializeConDisCon(disclose: AttributeConDisCon): JsonValue[] {
  return disclose.map((discon) => discon.map((con) => con.map(serializeAttributeRequest)));
}

function serializeAttributeRequest(attribute: AttributeRequest): JsonValue {
  if (typeof attribute.value !== 'string' && attribute.notNull !== true) return attribute.type;
  return {
    type: attribute.type,
    ...(typeof attribute.value === 'string' ? { value: attribute.value } : {}),
    ...(attribute.notNull === true ? { notNull: true } : {}),
  };
}

function serializeCredential(credential: CredentialRequest): JsonValue {
  return {
    ...(credential.validity !== undefined ? { validity: credential.validity } : {}),
    ...(credential.keyCounter !== undefined ? { keyCounter: credential.keyCounter } : {}),
    credential: credential.credential,
    attributes: { ...credential.attributes },
    // The app never sees the revocation key itself, only whether revocation applies (§4.4).
    ...(credential.revocationKey !== undefined ? { revocationSupported: true } : {}),
    ...(credential.sdJwtBatchSize !== undefined ? { sdJwtBatchSize: credential.sdJwtBatchSize } : {}),
  };
}
