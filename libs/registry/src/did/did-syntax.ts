import { NutshellError } from '#errors';

// DID Core §3.1: did:<method>:<method-specific-id>, idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded, ":" separates.
const DID_PATTERN = /^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/;

/** Whether `value` is a syntactically valid DID (no path, query or fragment). */
export function isDid(value: string): boolean {
  return value.length <= 2048 && DID_PATTERN.test(value);
}

/** Throws DID_INVALID (400) unless `value` is a syntactically valid DID. */
export function assertDid(value: string, what = 'DID'): string {
  if (!isDid(value)) throw new NutshellError('DID_INVALID', `invalid ${what}: not a valid DID`);
  return value;
}

/** The DID part of a DID URL (`did:web:x#key-1` → `did:web:x`). */
export function didOf(didUrl: string): string {
  const end = didUrl.search(/[/?#]/);
  return end === -1 ? didUrl : didUrl.slice(0, end);
}
