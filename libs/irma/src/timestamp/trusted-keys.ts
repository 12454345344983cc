/**
 * Which Atum servers' Ed25519 keys are trusted. irmago asks the scheme's timestamp server online
 * (`/checkPublicKey`); nutshell never does a network lookup, so trust is pinned by configuration.
 */
import { NutshellError } from '#errors';

/** A set of pinned Ed25519 public keys (32 bytes each), compared by value. */
export interface TrustedTimestampKeys {
  has(publicKey: Uint8Array): boolean;
  readonly size: number;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** Decodes one configured key: standard base64 of 32 bytes, or 64 hex digits. Undefined if neither. */
export function decodeTimestampKey(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return new Uint8Array(Buffer.from(trimmed, 'hex'));
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === 32 ? new Uint8Array(bytes) : undefined;
}

/** Builds the trusted set; a key that does not decode is CONFIG_INVALID (named by position, not echoed). */
export function trustedTimestampKeys(keys: readonly string[]): TrustedTimestampKeys {
  const set = new Set<string>();
  keys.forEach((key, position) => {
    const bytes = decodeTimestampKey(key);
    if (bytes === undefined) {
      throw new NutshellError('CONFIG_INVALID', `trusted timestamp key #${position + 1} is not a 32-byte Ed25519 key`);
    }
    set.add(Buffer.from(bytes).toString('hex'));
  });
  return {
    has: (publicKey) => set.has(Buffer.from(publicKey).toString('hex')),
    get size() {
      return set.size;
    },
  };
}

/** A prepared trusted set as is, or the set built from configured key strings. */
export function toTrustedTimestampKeys(keys: TrustedTimestampKeys | readonly string[]): TrustedTimestampKeys {
  return Array.isArray(keys) ? trustedTimestampKeys(keys as readonly string[]) : (keys as TrustedTimestampKeys);
}
