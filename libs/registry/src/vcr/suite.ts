import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import type { KeyStore } from '../keys/key-store.js';

/** An Ed25519Signature2020 suite whose signer is the key store, so the private key never leaves it. */
export function signingSuite(keys: KeyStore, kid: string, date: Date): Ed25519Signature2020 {
  return new Ed25519Signature2020({
    date,
    signer: { id: kid, algorithm: 'Ed25519', sign: ({ data }) => keys.sign(kid, data) },
  });
}

/** An Ed25519Signature2020 suite that fetches the key named in the proof through the document loader. */
export function verifyingSuite(): Ed25519Signature2020 {
  return new Ed25519Signature2020();
}
