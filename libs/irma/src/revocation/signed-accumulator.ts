/**
 * The issuer-signed RSA-B accumulator carried in a nonrevocation proof (gabi `SignedAccumulator`,
 * idemix.md §9.2): CBOR `{Msg, Sig}`, `Sig` an ECDSA-P256-SHA256 DER signature over `Msg`, `Msg`
 * the CBOR accumulator `{Nu, Index, Time, EventHash}`.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { Decoder } from 'cbor-x';
import { bigIntFromBytes } from '../idemix/bigint.js';
import { asJsonObject, decodeGoBytes, goField } from '../verify/go-json.js';

/** The `sacc` member of a nonrevocation proof. */
export interface SignedAccumulator {
  /** The CBOR `{Msg, Sig}` bytes. */
  readonly data: Uint8Array;
  /** Counter of the issuer key whose ECDSA key signed it. */
  readonly pkCounter: number;
}

/** A verified accumulator state. */
export interface Accumulator {
  readonly nu: bigint;
  readonly index: bigint;
  /** Unix seconds at which the issuer signed this state. */
  readonly time: number;
  /** Multihash (0x12 0x20 ‖ SHA-256) of the latest revocation event. */
  readonly eventHash: Uint8Array;
}

const cbor = new Decoder({ mapsAsObjects: true, useRecords: false });

/** Parses the JSON `sacc` object; undefined when it is malformed. */
export function parseSignedAccumulator(value: unknown): SignedAccumulator | undefined {
  const object = asJsonObject(value);
  if (object === undefined) return undefined;
  const data = decodeGoBytes(goField(object, 'data'));
  const pk = goField(object, 'pk');
  if (data === undefined || typeof pk !== 'number' || !Number.isInteger(pk) || pk < 0) return undefined;
  return { data, pkCounter: pk };
}

function decodeMap(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    return asJsonObject(cbor.decode(bytes));
  } catch {
    return undefined;
  }
}

function asBytes(value: unknown): Uint8Array | undefined {
  return value instanceof Uint8Array ? value : undefined;
}

function asInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return undefined;
}

function ecdsaKey(spkiBase64: string): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the ECDSA signature with the issuer key's `<ECDSA>` (base64 SubjectPublicKeyInfo) and
 * decodes the accumulator; undefined when the signature or the encoding is not valid.
 */
export function verifySignedAccumulator(sacc: SignedAccumulator, ecdsaPublicKey: string): Accumulator | undefined {
  const key = ecdsaKey(ecdsaPublicKey);
  if (key === undefined) return undefined;
  const outer = decodeMap(sacc.data);
  if (outer === undefined) return undefined;
  const msg = asBytes(outer['Msg']);
  const sig = asBytes(outer['Sig']);
  if (msg === undefined || sig === undefined) return undefined;
  let ok: boolean;
  try {
    ok = verify('sha256', msg, { key, dsaEncoding: 'der' }, sig);
  } catch {
    ok = false;
  }
  if (!ok) return undefined;
  const inner = decodeMap(msg);
  if (inner === undefined) return undefined;
  const nu = asBytes(inner['Nu']);
  const index = asInteger(inner['Index']);
  const time = asInteger(inner['Time']);
  const eventHash = asBytes(inner['EventHash']) ?? new Uint8Array(0);
  if (nu === undefined || index === undefined || index < 0n || time === undefined) return undefined;
  return { nu: bigIntFromBytes(nu), index, time: Number(time), eventHash };
}
