import { NutshellError } from '#errors';

// W3C DID syntax: did:<method>:<method-specific-id>, idchars or pct-encoded, colon-separated, last segment non-empty.
const DID = /^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/;
const ECHOABLE = /^[\x21-\x7e]{1,200}$/;

/** Checks that `legalEntity` is a DID; DID_INVALID with the Nuts text `invalid value '<x>' for param legalEntity: …` otherwise. */
export function assertLegalEntityDid(legalEntity: string): void {
  if (DID.test(legalEntity)) return;
  const shown = ECHOABLE.test(legalEntity) ? legalEntity : '<omitted>';
  throw new NutshellError('DID_INVALID', `invalid value '${shown}' for param legalEntity: invalid DID`);
}
