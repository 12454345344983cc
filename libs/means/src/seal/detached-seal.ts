import { compactVerify, importJWK, type JWK } from 'jose';
import { isNutshellError, NutshellError } from '#errors';
import type { ProofKeys } from './proof-keys.js';

type VerifyKey = Awaited<ReturnType<typeof importJWK>>;

/** Outcome of checking a seal; `reason` is for logs only. */
export type SealCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/**
 * Seals content with a detached compact JWS (`<header>..<signature>`, RFC 7515 appendix F) made by one node
 * key, and checks such seals. The key is created in the key store on first use; a concurrent creation by
 * another caller is fine.
 */
export class DetachedSeal {
  private key: Promise<VerifyKey> | undefined;

  constructor(
    private readonly keys: ProofKeys,
    /** Key id in the key store, also put in the JWS header. */
    readonly kid: string,
  ) {}

  /** Signs `content`; returns the detached JWS. */
  async seal(content: Uint8Array): Promise<string> {
    await this.verifyKey();
    const jws = await this.keys.signJws(this.kid, content, { alg: 'EdDSA', kid: this.kid });
    const [header, , signature] = jws.split('.');
    return `${header}..${signature}`;
  }

  /** Checks that `jws` is this node's seal over exactly `content`. */
  async check(content: Uint8Array, jws: string): Promise<SealCheck> {
    const parts = jws.split('.');
    const [header = '', payload, signature = ''] = parts;
    if (parts.length !== 3 || payload !== '') return { ok: false, reason: 'seal is not a detached compact JWS' };
    let protectedHeader: unknown;
    try {
      protectedHeader = JSON.parse(decoder.decode(Buffer.from(header, 'base64url')));
    } catch {
      return { ok: false, reason: 'seal header is not JSON' };
    }
    const { alg, kid, crit } = (protectedHeader ?? {}) as { alg?: unknown; kid?: unknown; crit?: unknown };
    if (alg !== 'EdDSA') return { ok: false, reason: 'seal algorithm is not EdDSA' };
    if (kid !== this.kid) return { ok: false, reason: 'seal was not made with this node key' };
    if (crit !== undefined) return { ok: false, reason: 'seal has critical header parameters' };
    try {
      await compactVerify(`${header}.${base64url(content)}.${signature}`, await this.verifyKey(), { algorithms: ['EdDSA'] });
      return { ok: true };
    } catch (error) {
      if (isNutshellError(error)) throw error;
      return { ok: false, reason: 'seal signature does not match the content' };
    }
  }

  private verifyKey(): Promise<VerifyKey> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<VerifyKey> {
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
    return importJWK(jwk as JWK, 'EdDSA');
  }
}

/** UTF-8 bytes of a string (the form seals are computed over). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
