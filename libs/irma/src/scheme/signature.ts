import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { NutshellError } from '#errors';

/** Reads a scheme `pk.pem` (PKIX "PUBLIC KEY", ECDSA P-256); anything else is SCHEME_INVALID. */
export function parseSchemePublicKey(pem: string | Buffer, file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (cause) {
    throw new NutshellError('SCHEME_INVALID', `${file}: not a PEM public key`, { cause });
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new NutshellError('SCHEME_INVALID', `${file}: scheme public key is not ECDSA P-256`);
  }
  return key;
}

/**
 * Checks that `der` is exactly one canonical DER `SEQUENCE { INTEGER r, INTEGER s }` with nothing trailing,
 * as Go's asn1.Unmarshal + trailing-data check in gabi's signed.Verify demands.
 */
function isStrictDerSignature(der: Uint8Array): boolean {
  if (der.length < 8 || der[0] !== 0x30) return false;
  let pos = 1;
  let seqLen = der[pos++]!;
  if (seqLen & 0x80) {
    if (seqLen !== 0x81) return false; // a P-256 signature never needs more than one length byte
    seqLen = der[pos++]!;
    if (seqLen < 0x80) return false; // non-minimal length
  }
  if (pos + seqLen !== der.length) return false;
  for (let i = 0; i < 2; i++) {
    if (der[pos++] !== 0x02) return false;
    const len = der[pos++]!;
    if (len === 0 || len > 33 || pos + len > der.length) return false;
    const first = der[pos]!;
    if (first & 0x80) return false; // negative
    if (len > 1 && first === 0 && (der[pos + 1]! & 0x80) === 0) return false; // non-minimal
    pos += len;
  }
  return pos === der.length;
}

/** Verifies `index.sig` (ECDSA P-256 over SHA-256 of the raw index bytes, DER-encoded) against `pk.pem`. */
export function verifyIndexSignature(index: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  if (!isStrictDerSignature(signature)) return false;
  try {
    return verify('sha256', index, { key: publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/**
 * Signs index bytes with a scheme private key (PEM "EC PRIVATE KEY" or PKCS#8), producing `index.sig` bytes.
 * Only demo schemes publish their key; this exists for tests and for re-signing local development schemes.
 */
export function signIndex(index: Uint8Array, privateKeyPem: string | Buffer): Buffer {
  const key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  return sign('sha256', index, { key, dsaEncoding: 'der' });
}
