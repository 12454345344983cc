/**
 * The 32-byte nonce an Atum server signs for an attribute-based signature (irmago
 * `TimestampRequest`, idemix.md §6.3). Pure: the caller supplies the randomized signatures and the
 * disclosed part, already reduced to dlreps for version 2.
 */
import { createHash } from 'node:crypto';
import { derInteger, derOctetString, derSequence } from '../idemix/der.js';

/** What the timestamp covers besides the `A'` values: v2 signs one dlrep per credential, v1 full vectors. */
export type TimestampDisclosed =
  | { readonly version: 2; readonly dlreps: readonly bigint[] }
  | { readonly version: 1; readonly vectors: readonly (readonly bigint[])[] };

/** SHA-256 over DER(SEQUENCE{SEQUENCE OF A', OCTET STRING SHA256(message), disclosed}). */
export function timestampNonce(message: string, sigs: readonly bigint[], disclosed: TimestampDisclosed): Uint8Array {
  const messageHash = createHash('sha256').update(message, 'utf8').digest();
  const disclosedDer =
    disclosed.version === 2
      ? derSequence(disclosed.dlreps.map(derInteger))
      : derSequence(disclosed.vectors.map((vector) => derSequence(vector.map(derInteger))));
  const der = derSequence([derSequence(sigs.map(derInteger)), derOctetString(messageHash), disclosedDer]);
  return new Uint8Array(createHash('sha256').update(der).digest());
}
