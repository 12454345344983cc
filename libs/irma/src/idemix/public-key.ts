import { NutshellError } from '#errors';
import { bitLength } from './bigint.js';
import { systemParameters, type SystemParameters } from './params.js';
import { childOf, decimalOf, parseXmlRoot } from './xml.js';
import { keyHeader } from './key-header.js';

/** An Idemix issuer public key (gabi `gabikeys.PublicKey`). `R[i]` is the base of gabi attribute index i. */
export interface IssuerPublicKey {
  readonly counter: number;
  /** Unix seconds. */
  readonly expiryDate: number;
  readonly n: bigint;
  readonly Z: bigint;
  readonly S: bigint;
  readonly R: readonly bigint[];
  /** Revocation bases, present only on keys that support revocation. */
  readonly G?: bigint;
  readonly H?: bigint;
  /** base64 DER SubjectPublicKeyInfo (P-256) of the revocation key. */
  readonly ecdsa?: string;
  readonly params: SystemParameters;
}

/** True iff the key supports revocation (G, H and ECDSA all present, §2.1). */
export function supportsRevocation(pk: IssuerPublicKey): boolean {
  return pk.G !== undefined && pk.H !== undefined && pk.ecdsa !== undefined;
}

/** Parses gabi's IssuerPublicKey XML (§2.1); anything malformed is SCHEME_INVALID. */
export function parsePublicKeyXml(xml: string): IssuerPublicKey {
  const fail = (d: string): never => {
    throw new NutshellError('SCHEME_INVALID', `issuer public key: ${d}`);
  };
  const root = parseXmlRoot(xml, 'SCHEME_INVALID', 'issuer public key');
  if (root.name !== 'IssuerPublicKey') fail('root element is not IssuerPublicKey');
  const { counter, expiry, elements } = keyHeader(root, fail);
  const n = decimalOf(childOf(elements, 'n', fail), 'n', fail);
  const Z = decimalOf(childOf(elements, 'Z', fail), 'Z', fail);
  const S = decimalOf(childOf(elements, 'S', fail), 'S', fail);
  const gEl = childOf(elements, 'G', fail);
  const hEl = childOf(elements, 'H', fail);
  const G = gEl ? decimalOf(gEl, 'G', fail) : undefined;
  const H = hEl ? decimalOf(hEl, 'H', fail) : undefined;
  const bases = childOf(elements, 'Bases', fail);
  if (!bases) return fail('missing <Bases>');
  const num = bases.attrs['num'];
  // Bases are read in document order; their element names are not used as indices (as gabi).
  const R = bases.children.map((b) => decimalOf(b, b.name, fail));
  if (num === undefined || !/^[0-9]+$/.test(num) || Number(num) !== R.length) fail('Bases num does not match');
  if (R.length < 2) fail('too few bases');
  let params: SystemParameters;
  try {
    params = systemParameters(bitLength(n));
  } catch (err) {
    throw new NutshellError('SCHEME_INVALID', 'issuer public key: unsupported modulus length', { cause: err });
  }
  for (const [name, v] of [['Z', Z], ['S', S], ...R.map((r, i) => [`Base_${i}`, r] as const)] as const) {
    if (v <= 1n || v >= n) fail(`${name} out of range`);
  }
  const ecdsaEl = childOf(root, 'ECDSA', fail);
  const ecdsa = ecdsaEl ? ecdsaEl.text.trim() : undefined;
  return Object.freeze({
    counter,
    expiryDate: expiry,
    n,
    Z,
    S,
    R: Object.freeze(R),
    ...(G !== undefined ? { G } : {}),
    ...(H !== undefined ? { H } : {}),
    ...(ecdsa ? { ecdsa } : {}),
    params,
  });
}
