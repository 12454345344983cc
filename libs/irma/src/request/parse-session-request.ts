import { parseBase, parseLabels, parseSkipExpiryCheck } from './base-fields.js';
import { parseConDisCon, validateConDisCon } from './condiscon.js';
import { sessionTypeOfContext } from './contexts.js';
import { parseCredentials } from './credentials.js';
import { asObject, optionalCount, optionalString } from './json-fields.js';
import { parseLegacySessionRequest } from './legacy.js';
import { malformed } from './malformed.js';
import type { ExtendedSessionRequest, RequestScheme, SchemeLookup, SessionRequest, SessionType } from './types.js';

/** irmago's `DefaultJwtValidity`. */
export const DEFAULT_JWT_VALIDITY = 120;

/**
 * Parses a session request in any form irmago accepts: bare or wrapped in the extended request
 * (§4.7), current (`@context`) or legacy (§4.6). JSON text is parsed first. Throws the
 * IRMA_MALFORMED_*_REQUEST error of the request's type. With a scheme lookup, every attribute and
 * credential id must be known to the scheme (and, given `isSingleton`, conjunctions must name at
 * most one non-singleton credential type).
 */
export function parseExtendedSessionRequest(json: unknown, lookup?: RequestScheme): ExtendedSessionRequest {
  const scheme: SchemeLookup | undefined = typeof lookup === 'function' ? { isKnown: lookup } : lookup;
  const object = asObject(typeof json === 'string' ? parseJsonText(json) : json);
  if (object === undefined) throw malformed('disclosing', 'a session request must be a JSON object');

  if (object['@context'] !== undefined) return { validity: DEFAULT_JWT_VALIDITY, request: parseCurrent(object, scheme), legacy: false };

  const inner = asObject(object.request);
  if (inner !== undefined) {
    const legacy = inner['@context'] === undefined;
    const request = legacy ? parseLegacySessionRequest(inner, scheme) : parseCurrent(inner, scheme);
    return { ...parseWrapper(object, request.type), request, legacy };
  }
  return { validity: DEFAULT_JWT_VALIDITY, request: parseLegacySessionRequest(object, scheme), legacy: true };
}

/** Parses a session request, dropping the extended wrapper's requestor-only parameters. */
export function parseSessionRequest(json: unknown, lookup?: RequestScheme): SessionRequest {
  return parseExtendedSessionRequest(json, lookup).request;
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('disclosing', 'the session request is not valid JSON');
  }
}

function parseWrapper(object: Record<string, unknown>, type: SessionType): Omit<ExtendedSessionRequest, 'request' | 'legacy'> {
  const validity = optionalCount(object, 'validity', type);
  const timeout = optionalCount(object, 'timeout', type);
  const callbackUrl = optionalString(object, 'callbackUrl', type);
  let nextSession: { url: string } | undefined;
  if (object.nextSession !== undefined && object.nextSession !== null) {
    const next = asObject(object.nextSession);
    if (next === undefined || typeof next.url !== 'string' || next.url === '') throw malformed(type, 'nextSession must carry a non-empty url');
    nextSession = { url: next.url };
  }
  return {
    validity: validity === undefined || validity === 0 ? DEFAULT_JWT_VALIDITY : validity,
    ...(timeout !== undefined && timeout > 0 ? { timeout } : {}),
    ...(callbackUrl !== undefined && callbackUrl !== '' ? { callbackUrl } : {}),
    ...(nextSession !== undefined ? { nextSession } : {}),
  };
}

function parseCurrent(object: Record<string, unknown>, scheme: SchemeLookup | undefined): SessionRequest {
  const type = sessionTypeOfContext(object['@context']);
  if (type === undefined) throw malformed('disclosing', 'unknown or missing @context');
  const base = parseBase(object, type);
  const labels = parseLabels(object.labels, type);
  const skipExpiryCheck = parseSkipExpiryCheck(object.skipExpiryCheck, type);
  const extras = { ...(labels !== undefined ? { labels } : {}), ...(skipExpiryCheck !== undefined ? { skipExpiryCheck } : {}) };

  switch (type) {
    case 'disclosing': {
      const disclose = parseConDisCon(object.disclose, type);
      validateConDisCon(disclose, type, { requireAttribute: true, scheme });
      return { type, ...base, disclose, ...extras };
    }
    case 'signing': {
      const message = object.message;
      if (typeof message !== 'string' || message === '') throw malformed(type, 'a signature request needs a non-empty message');
      const disclose = parseConDisCon(object.disclose, type);
      validateConDisCon(disclose, type, { requireAttribute: true, scheme });
      return { type, ...base, message, disclose, ...extras };
    }
    case 'issuing': {
      const disclose = object.disclose === undefined || object.disclose === null ? [] : parseConDisCon(object.disclose, type);
      validateConDisCon(disclose, type, { requireAttribute: false, scheme });
      const credentials = parseCredentials(object.credentials, scheme);
      return { type, ...base, credentials, disclose, ...extras };
    }
  }
}
