import { decodeBigB64 } from '../idemix/bigint.js';
import { malformed } from './malformed.js';
import type { SessionType } from './types.js';

/** A JSON object as parsed, or undefined for anything else (arrays and null included). */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads an optional string field. */
export function optionalString(object: Record<string, unknown>, field: string, type: SessionType): string | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw malformed(type, `${field} must be a string`);
  return value;
}

/** Reads an optional boolean field. */
export function optionalBoolean(object: Record<string, unknown>, field: string, type: SessionType): boolean | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw malformed(type, `${field} must be a boolean`);
  return value;
}

/** Reads an optional non-negative integer field. */
export function optionalCount(object: Record<string, unknown>, field: string, type: SessionType): number | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw malformed(type, `${field} must be a non-negative integer`);
  }
  return value;
}

/**
 * Reads a gabi big integer: a base64 string (current form) or a decimal JSON number (very old
 * messages), as Go's unmarshaller accepts both.
 */
export function optionalBigInt(object: Record<string, unknown>, field: string, type: SessionType): bigint | undefined {
  const value = object[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string') {
    try {
      return decodeBigB64(value);
    } catch {
      throw malformed(type, `${field} is not a base64 big integer`);
    }
  }
  throw malformed(type, `${field} must be a base64 big integer`);
}
