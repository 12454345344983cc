import { isCredentialTypeId } from './attribute-id.js';
import { asObject, optionalBigInt, optionalBoolean, optionalCount, optionalString } from './json-fields.js';
import { malformed } from './malformed.js';
import type { BaseSessionRequest, DisjunctionLabels, RevocationRequest, SessionType } from './types.js';

/** Reads the fields common to all requests. */
export function parseBase(object: Record<string, unknown>, type: SessionType): BaseSessionRequest {
  const devMode = optionalBoolean(object, 'devMode', type);
  const clientReturnUrl = optionalString(object, 'clientReturnUrl', type);
  const augmentReturnUrl = optionalBoolean(object, 'augmentReturnUrl', type);
  const host = optionalString(object, 'host', type);
  const revocation = parseRevocation(object.revocation, type);
  if (augmentReturnUrl === true && (clientReturnUrl === undefined || clientReturnUrl === '')) {
    throw malformed(type, 'augmentReturnUrl needs a clientReturnUrl');
  }
  return {
    context: optionalBigInt(object, 'context', type) ?? 1n,
    nonce: optionalBigInt(object, 'nonce', type) ?? 0n,
    ...(devMode !== undefined ? { devMode } : {}),
    ...(clientReturnUrl !== undefined && clientReturnUrl !== '' ? { clientReturnUrl } : {}),
    ...(augmentReturnUrl === true ? { augmentReturnUrl } : {}),
    ...(host !== undefined && host !== '' ? { host } : {}),
    ...(revocation !== undefined ? { revocation } : {}),
  };
}

function parseRevocation(value: unknown, type: SessionType): RevocationRequest | undefined {
  if (value === undefined || value === null) return undefined;
  const entries: [string, { tolerance?: number }][] = [];
  if (Array.isArray(value)) {
    for (const id of value) {
      if (typeof id !== 'string' || !isCredentialTypeId(id)) throw malformed(type, 'revocation must list credential type ids');
      entries.push([id, {}]);
    }
  } else {
    const object = asObject(value);
    if (object === undefined) throw malformed(type, 'revocation must be an array or an object');
    for (const [id, parameters] of Object.entries(object)) {
      const fields = asObject(parameters) ?? {};
      if (!isCredentialTypeId(id)) throw malformed(type, 'revocation keys must be credential type ids');
      const tolerance = optionalCount(fields, 'tolerance', type);
      entries.push([id, tolerance === undefined ? {} : { tolerance }]);
    }
  }
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Reads `labels`: disjunction index → translated string (or null). */
export function parseLabels(value: unknown, type: SessionType): DisjunctionLabels | undefined {
  if (value === undefined || value === null) return undefined;
  const object = asObject(value);
  if (object === undefined) throw malformed(type, 'labels must be an object');
  const labels: Record<number, Record<string, string> | null> = {};
  for (const [key, label] of Object.entries(object)) {
    if (!/^(0|[1-9][0-9]*)$/.test(key)) throw malformed(type, 'label keys must be disjunction indices');
    if (label === null) {
      labels[Number(key)] = null;
      continue;
    }
    const translations = asObject(label);
    if (translations === undefined || !Object.values(translations).every((text) => typeof text === 'string')) {
      throw malformed(type, 'a label must map languages to strings');
    }
    labels[Number(key)] = translations as Record<string, string>;
  }
  return labels;
}

/** Reads `skipExpiryCheck`: credential type ids. */
export function parseSkipExpiryCheck(value: unknown, type: SessionType): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((id): id is string => typeof id === 'string' && isCredentialTypeId(id))) {
    throw malformed(type, 'skipExpiryCheck must list credential type ids');
  }
  return value.length === 0 ? undefined : value;
}

