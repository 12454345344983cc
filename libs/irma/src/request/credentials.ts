import { isCredentialTypeId } from './attribute-id.js';
import { asObject, optionalCount, optionalString } from './json-fields.js';
import { malformed } from './malformed.js';
import type { CredentialRequest, SchemeLookup } from './types.js';

/** Reads `credentials` of an issuance request, as far as needed to refuse or later serve it. */
export function parseCredentials(value: unknown, scheme: SchemeLookup | undefined): CredentialRequest[] {
  if (!Array.isArray(value) || value.length === 0) throw malformed('issuing', 'an issuance request needs at least one credential');
  return value.map((item: unknown) => {
    const object = asObject(item);
    if (object === undefined) throw malformed('issuing', 'each credential must be an object');
    const credential = object.credential;
    if (typeof credential !== 'string' || !isCredentialTypeId(credential)) {
      throw malformed('issuing', 'credential must be a credential type id of 3 parts');
    }
    if (scheme !== undefined && !scheme.isKnown(credential)) throw malformed('issuing', `Unknown identifiers: ${credential}`);
    const attributes = asObject(object.attributes);
    if (attributes === undefined || !Object.values(attributes).every((v) => typeof v === 'string')) {
      throw malformed('issuing', 'attributes must map attribute names to strings');
    }
    const unknown = Object.keys(attributes).filter((name) => scheme !== undefined && !scheme.isKnown(`${credential}.${name}`));
    if (unknown.length > 0) throw malformed('issuing', `Unknown identifiers: ${unknown.map((n) => `${credential}.${n}`).join(', ')}`);
    const validity = optionalCount(object, 'validity', 'issuing');
    const keyCounter = optionalCount(object, 'keyCounter', 'issuing');
    const revocationKey = optionalString(object, 'revocationKey', 'issuing');
    const sdJwtBatchSize = optionalCount(object, 'sdJwtBatchSize', 'issuing');
    return {
      credential,
      ...(validity !== undefined ? { validity } : {}),
      attributes: attributes as Record<string, string>,
      ...(keyCounter !== undefined ? { keyCounter } : {}),
      ...(revocationKey !== undefined && revocationKey !== '' ? { revocationKey } : {}),
      ...(sdJwtBatchSize !== undefined ? { sdJwtBatchSize } : {}),
    };
  });
}
