import { compactVerify, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { MemoryProofKeys } from '../testing/memory-proof-keys.js';
import { DetachedSeal, utf8 } from './detached-seal.js';

describe('DetachedSeal', () => {
  it('makes a standard detached EdDSA JWS: with the payload re-attached, jose verifies it with the public key', async () => {
    const keys = new MemoryProofKeys();
    const seal = new DetachedSeal(keys, 'k1');
    const content = utf8('["some","content"]');
    const jws = await seal.seal(content);
    const [header, empty, signature] = jws.split('.');
    expect(empty).toBe('');
    const attached = `${header}.${Buffer.from(content).toString('base64url')}.${signature}`;
    const jwk = (await keys.publicJwk('k1')) as JWK;
    const { payload, protectedHeader } = await compactVerify(attached, await importJWK(jwk, 'EdDSA'));
    expect(Buffer.from(payload).toString()).toBe('["some","content"]');
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'k1' });
    expect(await seal.check(content, jws)).toEqual({ ok: true });
  });

  it('refuses other content, other headers, other keys and malformed seals', async () => {
    const keys = new MemoryProofKeys();
    const seal = new DetachedSeal(keys, 'k1');
    const other = new DetachedSeal(keys, 'k2');
    const content = utf8('abc');
    const jws = await seal.seal(content);
    const [header = '', , signature = ''] = jws.split('.');
    const reheader = (fields: object) => `${Buffer.from(JSON.stringify(fields)).toString('base64url')}..${signature}`;
    expect((await seal.check(utf8('abd'), jws)).ok).toBe(false);
    expect((await seal.check(content, await other.seal(content))).ok).toBe(false);
    expect((await seal.check(content, reheader({ alg: 'EdDSA', kid: 'k1', x: 1 }))).ok).toBe(false);
    expect((await seal.check(content, reheader({ alg: 'none', kid: 'k1' }))).ok).toBe(false);
    expect((await seal.check(content, reheader({ alg: 'EdDSA', kid: 'k1', crit: ['b64'] }))).ok).toBe(false);
    expect((await seal.check(content, `${header}.${Buffer.from(content).toString('base64url')}.${signature}`)).ok).toBe(false);
    expect((await seal.check(content, `${header}..${signature.slice(0, -4)}`)).ok).toBe(false);
    expect((await seal.check(content, `${header}..${signature}A`)).ok).toBe(false);
    expect((await seal.check(content, 'a.b')).ok).toBe(false);
    expect((await seal.check(content, '!!..!!')).ok).toBe(false);
  });
});
