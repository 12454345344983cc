import { randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';

/**
 * `length` characters drawn uniformly from `alphabet`: random bytes at or above the largest
 * multiple of the alphabet size are rejected, so no character is more likely than another.
 */
function uniformString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A 20-character token as irmago makes them: requestor, client and frontend tokens. */
export function newSessionToken(): string {
  return uniformString(ALPHANUMERIC, 20);
}

/** A 4-digit pairing code. */
export function newPairingCode(): string {
  return uniformString(DIGITS, 4);
}

/** A fresh 128-bit session nonce. */
export function newNonce(): bigint {
  return BigInt(`0x${randomBytes(16).toString('hex')}`);
}

/**
 * irmago's token check: the regex has no anchors, so anything containing 20 alphanumerics
 * passes and then simply is not found. Kept as is so error names match irmago.
 */
export function looksLikeToken(value: string): boolean {
  return /[a-zA-Z0-9]{20}/.test(value);
}
