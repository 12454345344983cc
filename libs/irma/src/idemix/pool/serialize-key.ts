import { NutshellError } from '#errors';
import { bitLength, parseDecimalBigInt } from '../bigint.js';
import { systemParameters } from '../params.js';
import type { IssuerPublicKey } from '../public-key.js';
import type { SerializedPublicKey } from './messages.js';

/** Serialised forms of the keys in use (decimal conversion of a 2048-bit key costs more than posting it). */
const serialized = new WeakMap<IssuerPublicKey, SerializedPublicKey>();

/** Converts a public key to its worker-safe form (memoised per key object; keys are immutable). */
export function serializePublicKey(pk: IssuerPublicKey): SerializedPublicKey {
  let s = serialized.get(pk);
  if (s === undefined) {
    s = toSerialized(pk);
    serialized.set(pk, s);
  }
  return s;
}

function toSerialized(pk: IssuerPublicKey): SerializedPublicKey {
  return {
    counter: pk.counter,
    expiryDate: pk.expiryDate,
    n: pk.n.toString(),
    Z: pk.Z.toString(),
    S: pk.S.toString(),
    R: pk.R.map((r) => r.toString()),
    ...(pk.G !== undefined ? { G: pk.G.toString() } : {}),
    ...(pk.H !== undefined ? { H: pk.H.toString() } : {}),
    ...(pk.ecdsa !== undefined ? { ecdsa: pk.ecdsa } : {}),
  };
}

function dec(s: unknown, what: string): bigint {
  const v = typeof s === 'string' ? parseDecimalBigInt(s) : undefined;
  if (v === undefined) throw new NutshellError('INVALID_INPUT', `serialized public key: ${what} is not a decimal string`);
  return v;
}

/** Rebuilds a public key from its worker-safe form (INVALID_INPUT when malformed). */
export function deserializePublicKey(s: SerializedPublicKey): IssuerPublicKey {
  if (!Array.isArray(s.R) || s.R.length < 2) throw new NutshellError('INVALID_INPUT', 'serialized public key: bad bases');
  const n = dec(s.n, 'n');
  return {
    counter: s.counter,
    expiryDate: s.expiryDate,
    n,
    Z: dec(s.Z, 'Z'),
    S: dec(s.S, 'S'),
    R: s.R.map((r, i) => dec(r, `R[${i}]`)),
    ...(s.G !== undefined ? { G: dec(s.G, 'G') } : {}),
    ...(s.H !== undefined ? { H: dec(s.H, 'H') } : {}),
    ...(s.ecdsa !== undefined ? { ecdsa: s.ecdsa } : {}),
    params: systemParameters(bitLength(n)),
  };
}
