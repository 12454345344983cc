import { credentialTypeOf, isAttributeId, isCredentialTypeId } from './attribute-id.js';
import { asObject } from './json-fields.js';
import { malformed } from './malformed.js';
import type { AttributeCon, AttributeConDisCon, AttributeRequest, SchemeLookup, SessionType } from './types.js';

/** Parses one attribute request: a bare id, or `{type, value?, notNull?}`. */
export function parseAttributeRequest(value: unknown, type: SessionType): AttributeRequest {
  if (typeof value === 'string') return { type: value };
  const object = asObject(value);
  if (object === undefined || typeof object.type !== 'string') {
    throw malformed(type, 'an attribute request must be an id or an object with a string "type"');
  }
  const pinned = object.value;
  if (pinned !== undefined && pinned !== null && typeof pinned !== 'string') throw malformed(type, 'attribute value must be a string or null');
  const notNull = object.notNull;
  if (notNull !== undefined && notNull !== null && typeof notNull !== 'boolean') throw malformed(type, 'notNull must be a boolean');
  return {
    type: object.type,
    ...(typeof pinned === 'string' ? { value: pinned } : {}),
    ...(notNull === true ? { notNull: true } : {}),
  };
}

/** Parses the `[[[…]]]` shape; semantic checks are in `validateConDisCon`. */
export function parseConDisCon(value: unknown, type: SessionType): AttributeConDisCon {
  if (!Array.isArray(value)) throw malformed(type, 'disclose must be an array of disjunctions');
  return value.map((discon: unknown) => {
    if (!Array.isArray(discon)) throw malformed(type, 'each disjunction must be an array of conjunctions');
    return discon.map((con: unknown) => {
      if (!Array.isArray(con)) throw malformed(type, 'each conjunction must be an array of attribute requests');
      return con.map((attribute: unknown) => parseAttributeRequest(attribute, type));
    });
  });
}

/**
 * The condiscon rules irmago enforces at session start (§4.2). The scheme checks (known ids, at
 * most one non-singleton credential type per conjunction) run when a lookup is given.
 * `requireAttribute` is false for issuance, where disclosure is optional.
 */
export function validateConDisCon(
  disclose: AttributeConDisCon,
  type: SessionType,
  options: { requireAttribute: boolean; scheme?: SchemeLookup },
): void {
  let count = 0;
  disclose.forEach((discon, index) => {
    if (discon.length === 0) throw malformed(type, `disjunction ${index} is empty`);
    for (const con of discon) {
      validateCon(con, type, options.scheme);
      count += con.length;
    }
  });
  if (options.requireAttribute && count === 0) throw malformed(type, 'the request contains no attributes');
}

function validateCon(con: AttributeCon, type: SessionType, scheme: SchemeLookup | undefined): void {
  const finished = new Set<string>();
  let current: string | undefined;
  const unknown: string[] = [];
  for (const attribute of con) {
    if (!isAttributeId(attribute.type) && !isCredentialTypeId(attribute.type)) {
      throw malformed(type, `invalid attribute identifier "${attribute.type}"`);
    }
    const credential = credentialTypeOf(attribute.type);
    if (credential !== current) {
      // Attributes of one credential type must sit together, so the app can satisfy them from one credential.
      if (finished.has(credential)) throw malformed(type, `attributes of ${credential} are not adjacent within a conjunction`);
      if (current !== undefined) finished.add(current);
      current = credential;
    }
    if (scheme !== undefined && !scheme.isKnown(attribute.type)) unknown.push(attribute.type);
  }
  if (unknown.length > 0) throw malformed(type, `Unknown identifiers: ${unknown.join(', ')}`);
  const isSingleton = scheme?.isSingleton;
  if (isSingleton !== undefined) {
    const credentials = new Set(con.map((attribute) => credentialTypeOf(attribute.type)));
    const nonSingletons = [...credentials].filter((credential) => !isSingleton(credential));
    // The app could not tell which instance of a second non-singleton credential type belongs with the first.
    if (nonSingletons.length > 1) throw malformed(type, 'a conjunction may contain at most one non-singleton credential type');
  }
}
