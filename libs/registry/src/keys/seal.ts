import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import type { SealedPrivateKey } from './key-repository.js';

/** scrypt cost: 2^15 × 8 takes ~50–100 ms and 32 MiB, paid once per key per process (unsealed keys are cached). */
const KDF = { N: 2 ** 15, r: 8, p: 1 } as const;

function scrypt(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => scryptCallback(passphrase, salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Seals PKCS#8 bytes under the passphrase (fresh salt and nonce), bound to `kid` as associated data. */
export async function sealPrivateKey(pkcs8: Buffer, kid: string, passphrase: string | undefined): Promise<SealedPrivateKey> {
  if (passphrase === undefined) return { format: 'pkcs8', data: pkcs8.toString('base64url') };
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = await scrypt(passphrase, salt, KDF);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(kid, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return {
    format: 'pkcs8-aes-256-gcm',
    kdf: { name: 'scrypt', salt: salt.toString('base64url'), ...KDF },
    nonce: nonce.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/** Why a sealed key could not be opened. */
export type UnsealFailure = 'passphrase-missing' | 'passphrase-wrong';

/** Opens a sealed key; returns the failure reason instead of throwing so callers can phrase their own error. */
export async function unsealPrivateKey(
  sealed: SealedPrivateKey,
  kid: string,
  passphrase: string | undefined,
): Promise<{ ok: true; pkcs8: Buffer } | { ok: false; reason: UnsealFailure }> {
  if (sealed.format === 'pkcs8') return { ok: true, pkcs8: Buffer.from(sealed.data, 'base64url') };
  if (passphrase === undefined) return { ok: false, reason: 'passphrase-missing' };
  const key = await scrypt(passphrase, Buffer.from(sealed.kdf.salt, 'base64url'), sealed.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64url'));
  decipher.setAAD(Buffer.from(kid, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  try {
    return { ok: true, pkcs8: Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]) };
  } catch {
    // GCM authentication failure: wrong passphrase (or a tampered file; indistinguishable by design).
    return { ok: false, reason: 'passphrase-wrong' };
  }
}
