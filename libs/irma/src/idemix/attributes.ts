import { createHash } from 'node:crypto';
import { NutshellError } from '#errors';
import { bigIntFromBytes, bigIntToBytes, bitLength } from './bigint.js';
import { sha256Int } from './hash.js';
import { EXPIRY_FACTOR } from './params.js';

/** Current metadata attribute version (protocol ≥ 2.3). */
export const METADATA_VERSION = 0x03;
const METADATA_LENGTH = 24;

/**
 * The metadata attribute (gabi index 1, §3.2). Validity is kept in whole weeks, as on the wire;
 * `metadataExpiry` derives the expiry date.
 */
export interface MetadataAttribute {
  readonly version: number;
  /** Start of the signing week (a multiple of 604800 s). */
  readonly signingDate: Date;
  readonly validityWeeks: number;
  readonly keyCounter: number;
  /** First 16 bytes of SHA-256 of the credential type id. */
  readonly credentialTypeHash: Uint8Array;
}

/** Encodes a v3 string attribute: int(UTF-8(s))·2 + 1, or 0 for an absent (null) value (§3.3). */
export function encodeStringAttribute(value: string | null): bigint {
  if (value === null) return 0n;
  return (bigIntFromBytes(Buffer.from(value, 'utf8')) << 1n) | 1n;
}

/** Decodes a v3 string attribute; bit 0 clear means absent (null). Invalid UTF-8 is IRMA_MALFORMED_INPUT. */
export function decodeStringAttribute(x: bigint): string | null {
  if (x < 0n) throw new NutshellError('IRMA_MALFORMED_INPUT', 'negative attribute value');
  if ((x & 1n) === 0n) return null;
  const bytes = bigIntToBytes(x >> 1n);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new NutshellError('IRMA_MALFORMED_INPUT', 'attribute is not valid UTF-8', { cause: err });
  }
}

/** Encodes a metadata-version-2 string attribute (no presence flag). */
export function encodeStringAttributeV2(value: string): bigint {
  return bigIntFromBytes(Buffer.from(value, 'utf8'));
}

/** First 16 bytes of SHA-256(UTF-8("<scheme>.<issuer>.<credtype>")). */
export function credentialTypeHash(credentialTypeId: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(credentialTypeId, 'utf8').digest().subarray(0, 16));
}

/** Decodes the 24-byte metadata attribute; values longer than 24 bytes are refused (IRMA_MALFORMED_INPUT). */
export function decodeMetadataAttribute(x: bigint): MetadataAttribute {
  if (x < 0n) throw new NutshellError('IRMA_MALFORMED_INPUT', 'negative metadata attribute');
  const raw = bigIntToBytes(x);
  if (raw.length > METADATA_LENGTH) throw new NutshellError('IRMA_MALFORMED_INPUT', 'metadata attribute too long');
  const b = new Uint8Array(METADATA_LENGTH);
  b.set(raw, METADATA_LENGTH - raw.length);
  const weeks = (b[2]! << 8) | b[3]!;
  return {
    version: b[0]!,
    signingDate: new Date(weeks * EXPIRY_FACTOR * 1000),
    validityWeeks: (b[4]! << 8) | b[5]!,
    keyCounter: (b[6]! << 8) | b[7]!,
    credentialTypeHash: b.slice(8, 24),
  };
}

/** Encodes the metadata attribute; the signing date is truncated to its Unix week. */
export function encodeMetadataAttribute(m: MetadataAttribute): bigint {
  const weeks = Math.floor(m.signingDate.getTime() / 1000 / EXPIRY_FACTOR);
  const u16 = (v: number, what: string): number => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new RangeError(`metadata ${what} out of range`);
    return v;
  };
  if (!Number.isInteger(m.version) || m.version < 0 || m.version > 0xff) throw new RangeError('metadata version out of range');
  if (m.credentialTypeHash.length !== 16) throw new RangeError('credential type hash must be 16 bytes');
  const b = new Uint8Array(METADATA_LENGTH);
  b[0] = m.version;
  const w = u16(weeks, 'signing date');
  b[2] = w >> 8;
  b[3] = w & 0xff;
  const v = u16(m.validityWeeks, 'validity');
  b[4] = v >> 8;
  b[5] = v & 0xff;
  const k = u16(m.keyCounter, 'key counter');
  b[6] = k >> 8;
  b[7] = k & 0xff;
  b.set(m.credentialTypeHash, 8);
  return bigIntFromBytes(b);
}

/** Expiry of a credential: (signing week + validity weeks) · 604800 s. */
export function metadataExpiry(m: MetadataAttribute): Date {
  const weeks = Math.floor(m.signingDate.getTime() / 1000 / EXPIRY_FACTOR);
  return new Date((weeks + m.validityWeeks) * EXPIRY_FACTOR * 1000);
}

/** Validity in whole weeks from the signing week to `expiry` (§3.2); a negative span is a RangeError. */
export function validityWeeksUntil(signingDate: Date, expiry: Date): number {
  const weeks = Math.floor(signingDate.getTime() / 1000 / EXPIRY_FACTOR);
  const diff = Math.floor((Math.floor(expiry.getTime() / 1000) - weeks * EXPIRY_FACTOR) / EXPIRY_FACTOR);
  if (diff < 0) throw new RangeError('expiry before signing date');
  return diff;
}

/** The §3.4 big-attribute rule: values longer than Lm bits are used as exponents via H(bytes(m)). */
export function exponentForAttribute(m: bigint, Lm: number): bigint {
  return bitLength(m) > Lm ? sha256Int(bigIntToBytes(m)) : m;
}
