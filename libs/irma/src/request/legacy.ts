import { parseAttributeRequest, validateConDisCon } from './condiscon.js';
import { asObject } from './json-fields.js';
import { malformed } from './malformed.js';
import { parseBase } from './base-fields.js';
import { parseCredentials } from './credentials.js';
import type { AttributeDisCon, DisjunctionLabels, SchemeLookup, SessionRequest, SessionType } from './types.js';

/**
 * Converts a pre-condiscon request (§4.6): each labelled disjunction becomes one disjunction
 * whose options are single attributes; a `{id: value}` map pins values; the label is used for
 * both English and Dutch.
 */
export function parseLegacySessionRequest(object: Record<string, unknown>, scheme: SchemeLookup | undefined): SessionRequest {
  const type = object.type;
  if (type !== 'disclosing' && type !== 'signing' && type !== 'issuing') {
    throw malformed('disclosing', 'a request without @context must be a legacy request with a "type"');
  }
  const base = parseBase(object, type);
  const { disclose, labels } = parseLegacyDisjunctions(type === 'issuing' ? object.disclose : object.content, type, type !== 'issuing');
  validateConDisCon(disclose, type, { requireAttribute: type !== 'issuing', scheme });
  const extras = Object.keys(labels).length > 0 ? { labels } : {};
  switch (type) {
    case 'disclosing':
      return { type, ...base, disclose, ...extras };
    case 'signing': {
      const message = object.message;
      if (typeof message !== 'string' || message === '') throw malformed(type, 'a signature request needs a non-empty message');
      return { type, ...base, message, disclose, ...extras };
    }
    case 'issuing':
      return { type, ...base, credentials: parseCredentials(object.credentials, scheme), disclose, ...extras };
  }
}

function parseLegacyDisjunctions(
  value: unknown,
  type: SessionType,
  required: boolean,
): { disclose: AttributeDisCon[]; labels: DisjunctionLabels } {
  if (value === undefined || value === null) {
    if (required) throw malformed(type, 'a legacy request needs "content"');
    return { disclose: [], labels: {} };
  }
  if (!Array.isArray(value)) throw malformed(type, 'legacy content must be an array of disjunctions');
  const labels: Record<number, Record<string, string>> = {};
  const disclose = value.map((item: unknown, index) => {
    const disjunction = asObject(item);
    if (disjunction === undefined) throw malformed(type, 'a legacy disjunction must be an object');
    if (typeof disjunction.label === 'string' && disjunction.label !== '') {
      labels[index] = { en: disjunction.label, nl: disjunction.label };
    }
    const attributes = disjunction.attributes;
    if (Array.isArray(attributes)) return attributes.map((attribute: unknown) => [parseAttributeRequest(attribute, type)]);
    const pinned = asObject(attributes);
    if (pinned === undefined) throw malformed(type, 'legacy attributes must be a list or a map');
    return Object.entries(pinned).map(([id, pin]) => {
      if (pin !== null && typeof pin !== 'string') throw malformed(type, 'legacy attribute values must be strings');
      return [pin === null ? { type: id } : { type: id, value: pin }];
    });
  });
  return { disclose, labels };
}
