/**
 * Turning a disclosed attribute integer back into the string irmago reports (`decodeAttribute`,
 * `decodeRandomBlind`). Deliberately lenient like Go's `string(bytes)`: invalid UTF-8 becomes
 * U+FFFD instead of failing a cryptographically valid disclosure.
 */
import { bigIntToBytes } from '../idemix/bigint.js';

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const utf8 = new TextDecoder('utf-8');

/** Base-62 text of bytes as eknkc/basex encodes it (each leading zero byte becomes '0'). */
export function base62Encode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let value = 0n;
  for (const byte of bytes.subarray(zeros)) value = (value << 8n) | BigInt(byte);
  let digits = '';
  while (value > 0n) {
    digits = BASE62[Number(value % 62n)] + digits;
    value /= 62n;
  }
  return '0'.repeat(zeros) + digits;
}

/** Decodes an ordinary attribute for the given metadata version; null when absent (v3 presence bit clear). */
export function decodeAttributeValue(value: bigint, metadataVersion: number): string | null {
  let magnitude = value;
  if (metadataVersion >= 3) {
    if ((magnitude & 1n) === 0n) return null;
    magnitude >>= 1n;
  }
  return utf8.decode(bigIntToBytes(magnitude));
}

/** Decodes a random-blind attribute (base-62 of its bytes). */
export function decodeRandomBlindValue(value: bigint): string {
  return base62Encode(bigIntToBytes(value));
}
