/**
 * Reading JSON the way Go's encoding/json does for irmago's structs: an exact field-name match
 * wins, otherwise the first case-insensitive match is used (idemix.md §13.2).
 */

/** A parsed JSON object, or undefined when `value` is not a plain object (the request parser's check). */
export { asObject as asJsonObject } from '../request/json-fields.js';

/** The value of field `name` with Go's case-insensitive fallback; undefined when absent. */
export function goField(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === lower) return object[key];
  }
  return undefined;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;

/**
 * Decodes a Go `[]byte` JSON string (standard padded base64; like Go, CR/LF are ignored and
 * non-zero padding bits are accepted). Undefined when the text is not base64 at all.
 */
export function decodeGoBytes(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string' || !BASE64.test(value)) return undefined;
  const compact = value.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
