import { createHash } from 'node:crypto';
import { bigIntFromBytes } from './bigint.js';
import { DER_TRUE, derInteger, derOctetString, derSequence } from './der.js';

/** SHA-256 of `b` read as an unsigned integer: `H(b)` of the spec. */
export function sha256Int(b: Uint8Array): bigint {
  return bigIntFromBytes(createHash('sha256').update(b).digest());
}

/**
 * gabi's HashCommit (§4): H(DER(SEQUENCE{[TRUE if issig], INTEGER t, INTEGER values…})).
 */
export function hashCommit(values: readonly bigint[], issig: boolean): bigint {
  const parts: Uint8Array[] = [];
  if (issig) parts.push(DER_TRUE);
  parts.push(derInteger(BigInt(values.length)));
  for (const v of values) parts.push(derInteger(v));
  return sha256Int(derSequence(parts));
}

/** gabi's createChallenge: HashCommit([context, contributions…, nonce], issig). */
export function createChallenge(context: bigint, nonce: bigint, contributions: readonly bigint[], issig: boolean): bigint {
  return hashCommit([context, ...contributions, nonce], issig);
}

/**
 * irmago's ASN1ConvertSignatureNonce (§6.2): H(DER(SEQUENCE{INTEGER nonce, INTEGER H(UTF-8(message)), [OCTET STRING tsSig]})),
 * the nonce an attribute-based signature's proofs are bound to. `timestampSignature` is the decoded `ts.Sig.Data`.
 */
export function signatureNonce(message: string, nonce: bigint, timestampSignature?: Uint8Array): bigint {
  const parts: Uint8Array[] = [derInteger(nonce), derInteger(sha256Int(Buffer.from(message, 'utf8')))];
  if (timestampSignature !== undefined) parts.push(derOctetString(timestampSignature));
  return sha256Int(derSequence(parts));
}
