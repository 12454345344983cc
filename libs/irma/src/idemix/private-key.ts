import { NutshellError } from '#errors';
import { childOf, decimalOf, parseXmlRoot } from './xml.js';
import { keyHeader } from './key-header.js';

/** An Idemix issuer private key (gabi `gabikeys.PrivateKey`), with the derived modulus `n = p·q`. */
export interface IssuerPrivateKey {
  readonly counter: number;
  /** Unix seconds. */
  readonly expiryDate: number;
  readonly p: bigint;
  readonly q: bigint;
  readonly pPrime: bigint;
  readonly qPrime: bigint;
  readonly n: bigint;
  /** base64 DER SEC1 EC private key (P-256), revocation only. */
  readonly ecdsa?: string;
}

/** Group order p'·q' of QR_n, used for signing. */
export function privateKeyOrder(sk: IssuerPrivateKey): bigint {
  return sk.pPrime * sk.qPrime;
}

/** Parses gabi's IssuerPrivateKey XML (§2.2); anything malformed is SCHEME_INVALID. Checks p' = (p−1)/2, q' = (q−1)/2. */
export function parsePrivateKeyXml(xml: string): IssuerPrivateKey {
  const fail = (d: string): never => {
    throw new NutshellError('SCHEME_INVALID', `issuer private key: ${d}`);
  };
  const root = parseXmlRoot(xml, 'SCHEME_INVALID', 'issuer private key');
  if (root.name !== 'IssuerPrivateKey') fail('root element is not IssuerPrivateKey');
  const { counter, expiry, elements } = keyHeader(root, fail);
  const p = decimalOf(childOf(elements, 'p', fail), 'p', fail);
  const q = decimalOf(childOf(elements, 'q', fail), 'q', fail);
  const pPrime = decimalOf(childOf(elements, 'pPrime', fail), 'pPrime', fail);
  const qPrime = decimalOf(childOf(elements, 'qPrime', fail), 'qPrime', fail);
  if (p < 5n || q < 5n || pPrime !== (p - 1n) >> 1n || qPrime !== (q - 1n) >> 1n) fail('inconsistent primes');
  const ecdsaEl = childOf(root, 'ECDSA', fail);
  const ecdsa = ecdsaEl ? ecdsaEl.text.trim() : undefined;
  return Object.freeze({
    counter,
    expiryDate: expiry,
    p,
    q,
    pPrime,
    qPrime,
    n: p * q,
    ...(ecdsa ? { ecdsa } : {}),
  });
}
