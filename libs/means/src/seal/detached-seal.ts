import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';
import { isNutshellError, NutshellError } from '#errors';
import type { ProofKeys } from './proof-keys.js';

/** Outcome of checking a seal; `reason` is for logs only. */
export type SealCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url');
}

/**
 * Seals content with a detached compact JWS (`<header>..<signature>`, RFC 7515 appendix F; alg EdDSA) made by one
 * node key, and checks such seals. The JWS is assembled here over the key store's raw Ed25519 signature and
 * checked with node:crypto, because WebCrypto-based JWS libraries cost several times more per call on this hot
 * path (every completed session, every verification). The key is created in the key store on first use; a
 * concurrent creation by another caller is fine.
 */
export class DetachedSeal {
  private key: Promise<KeyObject> | undefined;
  private readonly header: string;

  constructor(
    private readonly keys: ProofKeys,
    /** Key id in the key store, also put in the JWS header. */
    readonly kid: string,
  ) {
    this.header = base64url(JSON.stringify({ alg: 'EdDSA', kid }));
  }

  /** Signs `content`; returns the detached JWS. */
  async seal(content: Uint8Array): Promise<string> {
    await this.verifyKey();
    const signature = await this.keys.sign(this.kid, encoder.encode(`${this.header}.${base64url(content)}`));
    return `${this.header}..${base64url(signature)}`;
  }

  /** Checks that `jws` is this node's seal over exactly `content`. */
  async check(content: Uint8Array, jws: string): Promise<SealCheck> {
    const parts = jws.split('.');
    const [header = '', payload, signature = ''] = parts;
    if (parts.length !== 3 || payload !== '') return { ok: false, reason: 'seal is not a detached compact JWS' };
    if (header !== this.header) {
      let fields: unknown;
      try {
        fields = JSON.parse(decoder.decode(Buffer.from(header, 'base64url')));
      } catch {
        return { ok: false, reason: 'seal header is not JSON' };
      }
      const { alg, kid, crit } = (fields ?? {}) as { alg?: unknown; kid?: unknown; crit?: unknown };
      if (alg !== 'EdDSA') return { ok: false, reason: 'seal algorithm is not EdDSA' };
      if (kid !== this.kid) return { ok: false, reason: 'seal was not made with this node key' };
      if (crit !== undefined) return { ok: false, reason: 'seal has critical header parameters' };
    }
    const bytes = Buffer.from(signature, 'base64url');
    if (bytes.length !== 64 || base64url(bytes) !== signature) return { ok: false, reason: 'seal signature is malformed' };
    const input = encoder.encode(`${header}.${base64url(content)}`);
    return verify(null, input, await this.verifyKey(), bytes) ? { ok: true } : { ok: false, reason: 'seal signature does not match the content' };
  }

  private verifyKey(): Promise<KeyObject> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<KeyObject> {
    if (!(await this.keys.has(this.kid))) {
      try {
        await this.keys.create(this.kid, 'Ed25519');
      } catch (error) {
        // Another request (or node sharing the data dir) created it first.
        if (!(isNutshellError(error) && error.code === 'CONFLICT')) throw error;
      }
    }
    const jwk = await this.keys.publicJwk(this.kid);
    if (jwk === undefined) throw new NutshellError('INTERNAL', 'the proof seal key is missing from the key store');
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    if (key.asymmetricKeyType !== 'ed25519') throw new NutshellError('INTERNAL', 'the proof seal key is not an Ed25519 key');
    return key;
  }
}

/** UTF-8 bytes of a string (the form seals are computed over). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
