/**
 * The nonce an attribute-based signature's proofs are bound to (irmago
 * `ASN1ConvertSignatureNonce`, idemix.md §6.2): it ties the proofs to the request nonce, the
 * message and, when present, the timestamp signature.
 */
import { createHash } from 'node:crypto';
import { bigIntFromBytes } from '../idemix/bigint.js';
import { derInteger, derOctetString, derSequence } from '../idemix/der.js';
import { sha256Int } from '../idemix/hash.js';

/** H(DER(SEQUENCE{INTEGER nonce, INTEGER int(SHA256(message)), [OCTET STRING timestamp signature]})). */
export function signatureNonce(message: string, nonce: bigint, timestampSignature?: Uint8Array): bigint {
  const messageHash = bigIntFromBytes(createHash('sha256').update(message, 'utf8').digest());
  const elements = [derInteger(nonce), derInteger(messageHash)];
  if (timestampSignature !== undefined) elements.push(derOctetString(timestampSignature));
  return sha256Int(derSequence(elements));
}
