import type { ExtendedSessionRequest } from './types.js';

/**
 * Whether the frontend should ask for pairing (§3.1): chained sessions, signing and issuing,
 * and disclosures that pin a value are worth protecting against QR-code relaying.
 */
export function pairingHint(extended: ExtendedSessionRequest): boolean {
  if (extended.nextSession !== undefined) return true;
  const request = extended.request;
  if (request.type !== 'disclosing') return true;
  return request.disclose.some((discon) => discon.some((con) => con.some((attribute) => typeof attribute.value === 'string')));
}
