/**
 * The Atum timestamp embedded in an attribute-based signature (go-atum `Timestamp`, marshalled
 * with Go's default field names). Parsing is strict about types so that a malformed timestamp is
 * reported as such instead of failing later.
 */
import { asJsonObject, decodeGoBytes, goField } from '../verify/go-json.js';

/** Signature algorithms go-atum knows; only `ed25519` is verified here (the Yivi app never asks for XMSS^MT). */
export type AtumAlgorithm = 'ed25519' | 'xmssmt';

/** Optional pre-hashing of the nonce (go-atum `Hashing`); not used by IRMA, supported for completeness. */
export interface AtumHashing {
  readonly hash: string;
  readonly prefix: Uint8Array;
}

/** A parsed Atum timestamp. */
export interface AtumTimestamp {
  /** Unix seconds asserted by the timestamp server. */
  readonly time: number;
  /** Server URL written by the app; informational only (irmago replaces it by the scheme's). */
  readonly serverUrl: string;
  readonly alg: string;
  /** Raw signature bytes (`Sig.Data`); also the third element of the signature nonce. */
  readonly signature: Uint8Array;
  /** Raw public key bytes (`Sig.PublicKey`). */
  readonly publicKey: Uint8Array;
  readonly hashing?: AtumHashing;
}

/** Parses the `timestamp` member of a SignedMessage; undefined when it is not a well-formed timestamp. */
export function parseAtumTimestamp(value: unknown): AtumTimestamp | undefined {
  const object = asJsonObject(value);
  if (object === undefined) return undefined;
  const time = goField(object, 'Time');
  if (typeof time !== 'number' || !Number.isSafeInteger(time)) return undefined;
  const serverUrl = goField(object, 'ServerUrl') ?? '';
  if (typeof serverUrl !== 'string') return undefined;
  const sig = asJsonObject(goField(object, 'Sig'));
  if (sig === undefined) return undefined;
  const alg = goField(sig, 'Alg');
  if (typeof alg !== 'string') return undefined;
  const signature = decodeGoBytes(goField(sig, 'Data') ?? '');
  const publicKey = decodeGoBytes(goField(sig, 'PublicKey') ?? '');
  if (signature === undefined || publicKey === undefined) return undefined;
  const rawHashing = goField(object, 'Hashing');
  if (rawHashing === undefined || rawHashing === null) {
    return { time, serverUrl, alg, signature, publicKey };
  }
  const hashingObject = asJsonObject(rawHashing);
  if (hashingObject === undefined) return undefined;
  const hash = goField(hashingObject, 'Hash');
  const prefix = decodeGoBytes(goField(hashingObject, 'Prefix') ?? '');
  if (typeof hash !== 'string' || prefix === undefined) return undefined;
  return { time, serverUrl, alg, signature, publicKey, hashing: { hash, prefix } };
}
